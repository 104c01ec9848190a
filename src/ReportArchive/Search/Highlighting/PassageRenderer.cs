using System.Text;
using ReportArchive.Analysis.Normalization;
using ReportArchive.Figures;

namespace ReportArchive.Search.Highlighting;

/// <summary>
/// Renders a passage of a report's original text as a reader should see it: the converters' markup left out (Markdown
/// heading marks, <c>**</c>, table rules such as <c>|----|</c>, HTML tags and entities), the cells of a table kept
/// apart by <c> | </c> (empty cells dropped) and its rows by <c> ／ </c>. Where the figure reader located a cell's
/// digits (<see cref="FigureSource"/>), the digits are shown with their column's label, and table C's values with
/// their row's (行政复议 | 结果维持 0 | … | 总计 0), so cells a page ran together (000000) read as cells again. Every
/// character shown is a character of the original text at its own offset, so a highlight marks exactly what it
/// covers; labels and separators are never inside a mark.
/// </summary>
internal static class PassageRenderer
{
    public const string CellSeparator = " | ";
    public const string RowSeparator = " ／ ";

    private const string TotalColumn = "总计";
    private const string RowLabelTable = "C";

    private static readonly System.Buffers.SearchValues<char> RuleCharacters = System.Buffers.SearchValues.Create("|-:+= \t");

    /// <summary>A line this short without sentence punctuation is a cell on a line of its own, not a line of prose.</summary>
    private const int LongestCellLine = 16;

    private static readonly System.Buffers.SearchValues<char> SentencePunctuation = System.Buffers.SearchValues.Create("。，；;,！？!?");

    public static string ToHtml(string text, int start, int end, IReadOnlyList<Highlight> highlights, IReadOnlyList<FigureSource> cells)
    {
        var pieces = Scan(text, start, end, cells);
        var html = new StringBuilder((end - start) * 2);
        if (start > 0)
        {
            html.Append('…');
        }

        var writer = new Writer(text, highlights, html);
        foreach (var piece in pieces)
        {
            writer.Add(piece);
        }

        writer.Finish();
        if (end < text.Length)
        {
            html.Append('…');
        }

        return html.ToString();
    }

    private enum PieceKind
    {
        Character,
        Whitespace,
        Label,
        CellBreak,
        RowBreak,
    }

    /// <summary>One character of the original at <see cref="Index"/>, whitespace, a label the passage adds, or a break.</summary>
    private readonly record struct Piece(PieceKind Kind, int Index = -1, string? Label = null);

    private enum LineKind
    {
        Prose,
        Heading,
        Rule,
        Pipes,
        Tabs,

        /// <summary>A short line without sentence punctuation: a cell a converter put on a line of its own (行政复议 / 0).</summary>
        Cell,
    }

    private static List<Piece> Scan(string text, int start, int end, IReadOnlyList<FigureSource> cells)
    {
        var cellStarts = new Dictionary<int, FigureSource>();
        foreach (var cell in cells)
        {
            if (cell.Kind == FigureSourceKind.Table && cell.Length > 0 && cell.Start >= start && cell.Start < end && cell.Column is not null)
            {
                cellStarts.TryAdd(cell.Start, cell);
            }
        }

        var pieces = new List<Piece>(end - start + 16);
        string? lastRow = null;
        var cellEnd = -1;
        var labelRunEnd = -1;
        var cellEndsRow = false;
        var i = SkipPartialTag(text, start, end);
        var lineStart = LineStart(text, i);
        var lineEnd = LineEnd(text, i);
        var kind = Classify(text, lineStart, lineEnd);
        var headingEnd = kind == LineKind.Heading ? HeadingMarkEnd(text, lineStart, lineEnd) : lineStart;
        while (i < end)
        {
            if (cellEnd >= 0 && i >= cellEnd)
            {
                pieces.Add(new Piece(cellEndsRow ? PieceKind.RowBreak : PieceKind.CellBreak));
                cellEnd = -1;
            }

            var c = text[i];
            if (c == '\n')
            {
                var nextStart = i + 1;
                var nextEnd = LineEnd(text, nextStart);
                var nextKind = Classify(text, nextStart, nextEnd);
                if (kind == LineKind.Pipes && nextKind == LineKind.Pipes && !StartsWithPipe(text, nextStart, nextEnd))
                {
                    pieces.Add(new Piece(PieceKind.CellBreak)); // a Markdown row whose cells a converter put on lines of their own
                }
                else if (kind == LineKind.Cell && nextKind == LineKind.Cell)
                {
                    pieces.Add(new Piece(PieceKind.CellBreak)); // a table whose every cell is a line (page text, PDF text)
                }
                else if (kind is LineKind.Pipes or LineKind.Tabs or LineKind.Heading || nextKind is LineKind.Pipes or LineKind.Tabs or LineKind.Heading
                         || (kind == LineKind.Cell && nextEnd == nextStart) || (nextKind == LineKind.Cell && lineEnd == lineStart))
                {
                    // a cell-per-line table begins or ends at an empty line; a short line running on into the next is prose
                    // that a page wrapped (行政訴 / 訟。), joined as before
                    pieces.Add(new Piece(PieceKind.RowBreak));
                }
                else
                {
                    pieces.Add(new Piece(PieceKind.Whitespace, i));
                }

                i = nextStart;
                (lineStart, lineEnd, kind) = (nextStart, nextEnd, nextKind);
                headingEnd = kind == LineKind.Heading ? HeadingMarkEnd(text, lineStart, lineEnd) : lineStart;
                continue;
            }

            if (kind == LineKind.Rule || i < headingEnd)
            {
                i++;
                continue;
            }

            if (kind == LineKind.Tabs && VerticalHeaderEnd(text, lineStart) is var blockEnd and > 0)
            {
                i = Transpose(text, lineStart, blockEnd, i, end, pieces);
                (lineStart, lineEnd) = (LineStart(text, i), LineEnd(text, i));
                continue;
            }

            if (labelRunEnd == i && !StartsLabelRun(text, i, end, continuing: true, out _))
            {
                pieces.Add(new Piece(PieceKind.CellBreak)); // the end of a run of labels printed together
                labelRunEnd = -1;
            }

            if (cellEnd < 0 && StartsLabelRun(text, i, end, continuing: labelRunEnd == i, out var labelLength))
            {
                pieces.Add(new Piece(PieceKind.CellBreak));
                for (var k = i; k < i + labelLength; k++)
                {
                    pieces.Add(new Piece(PieceKind.Character, k));
                }

                i += labelLength;
                labelRunEnd = i;
                continue;
            }

            if (cellStarts.TryGetValue(i, out var cell))
            {
                var rowChanges = cell.Table == RowLabelTable && cell.Row is not null && !string.Equals(cell.Row, lastRow, StringComparison.Ordinal);
                pieces.Add(new Piece(rowChanges && lastRow is not null ? PieceKind.RowBreak : PieceKind.CellBreak));
                if (rowChanges && cell.Row is { } row)
                {
                    pieces.Add(new Piece(PieceKind.Label, Label: row));
                    pieces.Add(new Piece(PieceKind.CellBreak));
                }

                lastRow = cell.Row;
                pieces.Add(new Piece(PieceKind.Label, Label: cell.Column + " "));
                cellEnd = cell.Start + cell.Length;
                cellEndsRow = string.Equals(cell.Column, TotalColumn, StringComparison.Ordinal);
            }

            if (c == '|' && kind == LineKind.Pipes && i + 1 < end && text[i + 1] == '|')
            {
                pieces.Add(new Piece(PieceKind.RowBreak)); // || : one row's end and the next one's start, run together
                i += 2;
            }
            else if (c == '|' && kind == LineKind.Pipes || c == '\t' && kind is LineKind.Tabs or LineKind.Pipes)
            {
                pieces.Add(new Piece(PieceKind.CellBreak));
                i++;
            }
            else if (c == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                i += 2;
                while (i < end && text[i] == '*')
                {
                    i++;
                }
            }
            else if (c == '<' && TagEnd(text, i) is var tagEnd and > 0)
            {
                pieces.Add(TagBreak(text, i + 1));
                i = Math.Min(tagEnd, end);
            }
            else if (c == '&' && EntityEnd(text, i) is var (entityEnd, decoded) && entityEnd > 0)
            {
                pieces.Add(decoded == ' ' ? new Piece(PieceKind.Whitespace, i) : new Piece(PieceKind.Label, Label: decoded.ToString()));
                i = Math.Min(entityEnd, end);
            }
            else
            {
                pieces.Add(new Piece(char.IsWhiteSpace(c) ? PieceKind.Whitespace : PieceKind.Character, i));
                i += char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            }
        }

        return pieces;
    }

    /// <summary>
    /// The end of a block of header lines written one character per cell (行\t\t行 / 政\t\t政 / …: each column's label
    /// read downwards), starting at <paramref name="lineStart"/>: at least two such lines; -1 when there is none.
    /// </summary>
    private static int VerticalHeaderEnd(string text, int lineStart)
    {
        var lines = 0;
        var at = lineStart;
        var blockEnd = -1;
        while (at < text.Length)
        {
            var lineEnd = LineEnd(text, at);
            if (!IsVerticalHeaderLine(text.AsSpan(at, lineEnd - at)))
            {
                break;
            }

            lines++;
            blockEnd = lineEnd;
            at = lineEnd + 1;
        }

        return lines >= 2 ? blockEnd : -1;
    }

    private static bool IsVerticalHeaderLine(ReadOnlySpan<char> line)
    {
        if (!line.Contains('\t'))
        {
            return false;
        }

        var cells = 0;
        foreach (var range in line.Split('\t'))
        {
            var cell = line[range].Trim();
            if (cell.Length > 1 && !(cell.Length == 2 && char.IsSurrogatePair(cell[0], cell[1])))
            {
                return false;
            }

            cells += cell.Length > 0 ? 1 : 0;
        }

        return cells >= 2;
    }

    /// <summary>Reads a block of one-character header lines column by column, each column one cell; returns where the block ends.</summary>
    private static int Transpose(string text, int blockStart, int blockEnd, int from, int end, List<Piece> pieces)
    {
        var columns = new List<List<int>>();
        for (var at = blockStart; at < blockEnd; at = LineEnd(text, at) + 1)
        {
            var column = 0;
            for (var i = at; i < LineEnd(text, at); i++)
            {
                if (text[i] == '\t')
                {
                    column++;
                }
                else if (!char.IsWhiteSpace(text[i]) && !char.IsLowSurrogate(text[i]) && i >= from && i < end)
                {
                    while (columns.Count <= column)
                    {
                        columns.Add([]);
                    }

                    columns[column].Add(i);
                }
            }
        }

        foreach (var column in columns)
        {
            pieces.Add(new Piece(PieceKind.CellBreak));
            pieces.AddRange(column.Select(i => new Piece(PieceKind.Character, i)));
        }

        pieces.Add(new Piece(PieceKind.RowBreak));
        return Math.Min(blockEnd, end);
    }

    /// <summary>
    /// Whether a label of the template's tables starts at <paramref name="at"/> (within the passage) as part of a run
    /// of labels printed without separators (行政复议行政诉讼结果维持结果纠正…): it follows the run so far
    /// (<paramref name="continuing"/>) or another label follows it. Labels on their own, as prose names them, are left alone.
    /// </summary>
    private static bool StartsLabelRun(string text, int at, int end, bool continuing, out int length)
    {
        length = LabelAt(text, at, end);
        return length > 0 && (continuing || LabelAt(text, at + length, end) > 0);
    }

    /// <summary>The length of the longest table label at <paramref name="at"/> ending within the passage, or 0.</summary>
    private static int LabelAt(string text, int at, int end)
    {
        if (at >= end || !TableLabels.TryGetValue(text[at], out var labels))
        {
            return 0;
        }

        foreach (var label in labels)
        {
            if (at + label.Length <= end && string.CompareOrdinal(text, at, label, 0, label.Length) == 0)
            {
                return label.Length;
            }
        }

        return 0;
    }

    /// <summary>The row and column labels of the template's tables (docs/figures.md), by first character, longest first.</summary>
    private static readonly Dictionary<char, string[]> TableLabels = FigureKeys.All
        .SelectMany(k => k.ChineseLabel.Split(" × "))
        .SelectMany(label => label.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Select(word => word.TrimStart('（', '(', '一', '二', '三', '四', '五', '六', '七', '八', '）', ')', '、', '.', '．', '1', '2', '3', '4', '5', '6', '7', '8', '9'))
        .Concat(["信息内容", "申请人情况", "法人或其他组织", "行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "结果维持", "结果纠正", "其他结果", "尚未审结"])
        .Where(word => word.Length >= 2 && word != "其他" && word.All(c => CharacterClass.IsHan(c) || c is '（' or '）' or '/'))
        .Distinct(StringComparer.Ordinal)
        .GroupBy(word => word[0])
        .ToDictionary(g => g.Key, g => g.OrderByDescending(w => w.Length).ToArray());

    private static int LineStart(string text, int index) => index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;

    private static int LineEnd(string text, int index)
    {
        var newline = index >= text.Length ? -1 : text.IndexOf('\n', index);
        return newline < 0 ? text.Length : newline;
    }

    /// <summary>What a whole line is: a Markdown heading, a table rule (|---|---|, ----), a row of pipes or tabs, or prose.</summary>
    private static LineKind Classify(string text, int lineStart, int lineEnd)
    {
        var line = text.AsSpan(lineStart, Math.Max(0, lineEnd - lineStart)).Trim();
        if (line.IsEmpty)
        {
            return LineKind.Prose;
        }

        if (line.Contains("---", StringComparison.Ordinal) && !line.ContainsAnyExcept(RuleCharacters))
        {
            return LineKind.Rule;
        }

        if (line[0] == '|' || line[^1] == '|' || line.Count('|') >= 2)
        {
            return LineKind.Pipes; // a row of a Markdown table, or a whole table a converter wrote on one line
        }

        if (line[0] == '#')
        {
            return LineKind.Heading;
        }

        return line.Contains('\t') ? LineKind.Tabs
            : line.Length <= LongestCellLine && !line.ContainsAny(SentencePunctuation) ? LineKind.Cell
            : LineKind.Prose;
    }

    private static bool StartsWithPipe(string text, int lineStart, int lineEnd) =>
        text.AsSpan(lineStart, Math.Max(0, lineEnd - lineStart)).TrimStart() is [ '|', .. ];

    private static int HeadingMarkEnd(string text, int lineStart, int lineEnd)
    {
        var i = lineStart;
        while (i < lineEnd && (text[i] == '#' || char.IsWhiteSpace(text[i])))
        {
            i++;
        }

        return i;
    }

    /// <summary>Where a passage that begins inside an HTML tag (…d&gt;) should begin: after the tag.</summary>
    private static int SkipPartialTag(string text, int start, int end)
    {
        if (start == 0)
        {
            return start;
        }

        var open = text.LastIndexOf('<', start - 1);
        if (open < 0 || text.LastIndexOf('>', start - 1) > open || text.LastIndexOf('\n', start - 1) > open)
        {
            return start;
        }

        var tagEnd = TagEnd(text, open);
        return tagEnd > start ? Math.Min(tagEnd, end) : start;
    }

    /// <summary>The index after the HTML tag at <paramref name="open"/> (&lt;td&gt;, &lt;/tr&gt;, &lt;br/&gt;), or -1 when it is no tag.</summary>
    internal static int TagEnd(string text, int open)
    {
        var i = open + 1;
        if (i < text.Length && text[i] == '/')
        {
            i++;
        }

        if (i >= text.Length || !char.IsAsciiLetter(text[i]))
        {
            return -1;
        }

        for (var limit = Math.Min(text.Length, open + 200); i < limit; i++)
        {
            switch (text[i])
            {
                case '>': return i + 1;
                case '<' or '\n': return -1;
            }
        }

        return -1;
    }

    /// <summary>A cell tag starts a cell, a row or table tag a row, a line break is whitespace; other tags vanish.</summary>
    private static Piece TagBreak(string text, int nameStart)
    {
        var closing = text[nameStart] == '/';
        var name = new string(text.AsSpan(closing ? nameStart + 1 : nameStart).TakeWhileAsciiLetterOrDigit()).ToLowerInvariant();
        return name switch
        {
            "td" or "th" => new Piece(closing ? PieceKind.Whitespace : PieceKind.CellBreak, nameStart - 1),
            "tr" or "table" or "p" or "div" or "li" or "h1" or "h2" or "h3" or "h4" => new Piece(PieceKind.RowBreak),
            _ => new Piece(PieceKind.Whitespace, nameStart - 1),
        };
    }

    private static ReadOnlySpan<char> TakeWhileAsciiLetterOrDigit(this ReadOnlySpan<char> span)
    {
        var i = 0;
        while (i < span.Length && char.IsAsciiLetterOrDigit(span[i]))
        {
            i++;
        }

        return span[..i];
    }

    private static (int End, char Decoded)? EntityEnd(string text, int ampersand)
    {
        foreach (var (entity, decoded) in Entities)
        {
            if (string.CompareOrdinal(text, ampersand, entity, 0, entity.Length) == 0)
            {
                return (ampersand + entity.Length, decoded);
            }
        }

        return null;
    }

    private static readonly (string Entity, char Decoded)[] Entities =
        [("&nbsp;", ' '), ("&amp;", '&'), ("&lt;", '<'), ("&gt;", '>'), ("&quot;", '"'), ("&#39;", '\'')];

    /// <summary>
    /// Writes pieces as HTML: a cell's text trimmed, whitespace shown as the normaliser sees it (dropped next to a Han
    /// character, else one space), empty cells and rows dropped, each match in one &lt;mark&gt;.
    /// </summary>
    private sealed class Writer(string text, IReadOnlyList<Highlight> highlights, StringBuilder html)
    {
        private bool _rowHasCell;
        private bool _cellHasText;
        private bool _pendingCell;
        private bool _pendingRow;
        private bool _pendingSpace;
        private bool _forceSpace;
        private bool _lastWasHan = true;
        private bool _open;

        public void Add(Piece piece)
        {
            switch (piece.Kind)
            {
                case PieceKind.CellBreak:
                    EndCell();
                    break;
                case PieceKind.RowBreak:
                    EndCell();
                    if (_rowHasCell)
                    {
                        _pendingRow = true;
                        _pendingCell = false;
                        _rowHasCell = false;
                    }

                    break;
                case PieceKind.Whitespace:
                    if (_cellHasText)
                    {
                        _pendingSpace = true;
                    }

                    break;
                case PieceKind.Label:
                    Close();
                    BeginText(piece.Label![0]);
                    AppendEscaped(piece.Label.TrimEnd());
                    _lastWasHan = false;
                    _pendingSpace = piece.Label.EndsWith(' ');
                    _forceSpace = _pendingSpace;
                    break;
                default:
                    Character(piece.Index);
                    break;
            }
        }

        public void Finish() => Close();

        private void EndCell()
        {
            Close();
            if (_cellHasText)
            {
                _pendingCell = true;
                _rowHasCell = true;
            }

            _cellHasText = false;
            _pendingSpace = false;
            _forceSpace = false;
            _lastWasHan = true;
        }

        private void Character(int index)
        {
            Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var length);
            var marked = Marked(index);
            if (!marked)
            {
                Close();
            }

            BeginText(text[index]);
            if (marked && !_open)
            {
                html.Append("<mark>");
                _open = true;
            }

            AppendEscaped(text.AsSpan(index, length));
            _lastWasHan = CharacterClass.IsHan(rune.Value);
        }

        /// <summary>Writes the separators and the space that come before text starting with <paramref name="first"/>.</summary>
        private void BeginText(char first)
        {
            if (_pendingRow && html.Length > 0 && !EndsWithEllipsisOnly())
            {
                Close();
                html.Append(RowSeparator);
            }
            else if (_pendingCell && !EndsWithEllipsisOnly())
            {
                Close();
                html.Append(CellSeparator);
            }
            else if (_forceSpace || _pendingSpace && !_lastWasHan && !CharacterClass.IsHan(first))
            {
                html.Append(' ');
            }

            _forceSpace = false;
            _pendingRow = false;
            _pendingCell = false;
            _pendingSpace = false;
            _cellHasText = true;
        }

        private bool EndsWithEllipsisOnly() => html.Length == 0 || (html.Length == 1 && html[0] == '…');

        /// <summary>Whether a highlight covers <paramref name="index"/> (characters may come out of order: a transposed header).</summary>
        private bool Marked(int index)
        {
            int low = 0, high = highlights.Count;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (highlights[middle].End <= index)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return low < highlights.Count && highlights[low].Start <= index;
        }

        private void Close()
        {
            if (_open)
            {
                html.Append("</mark>");
                _open = false;
            }
        }

        private void AppendEscaped(ReadOnlySpan<char> span)
        {
            foreach (var c in span)
            {
                switch (c)
                {
                    case '&': html.Append("&amp;"); break;
                    case '<': html.Append("&lt;"); break;
                    case '>': html.Append("&gt;"); break;
                    case '"': html.Append("&quot;"); break;
                    case '\'': html.Append("&#39;"); break;
                    default: html.Append(c); break;
                }
            }
        }
    }
}
