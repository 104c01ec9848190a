using System.Buffers;
using System.Globalization;

namespace ReportArchive.Figures;

/// <summary>
/// Normalized report text with its lines indexed: which line a position is on, which lines are prose
/// (they hold a full stop 。, which no table label does), and the cell values of a span.
/// </summary>
internal sealed class TableText
{
    private readonly int[] _lineStarts;
    private readonly bool[] _skipLine;

    public TableText(string normalized)
    {
        Text = normalized;
        var starts = new List<int> { 0 };
        var physicalStart = 0;
        for (var i = 0; i <= normalized.Length; i++)
        {
            if (i == normalized.Length || normalized[i] == '\n')
            {
                AddSentenceStarts(normalized, physicalStart, i, starts);
                if (i < normalized.Length)
                {
                    starts.Add(i + 1);
                }

                physicalStart = i + 1;
            }
        }

        _lineStarts = [.. starts];
        _skipLine = new bool[_lineStarts.Length];
        for (var line = 0; line < _lineStarts.Length; line++)
        {
            var span = LineSpan(line);
            _skipLine[line] = span.Contains('。') || IsPageNumber(span);
        }
    }

    public string Text { get; }

    /// <summary>
    /// A page whose line breaks were lost holds prose and tables on one line: such a line (it has a 。) is cut
    /// after every 。 and before every part heading ("三、", "四、") glued to what precedes it, so the tables between
    /// two sentences are not taken for prose.
    /// </summary>
    private static void AddSentenceStarts(string text, int start, int end, List<int> starts)
    {
        if (text.AsSpan(start, end - start).IndexOf('。') < 0)
        {
            return;
        }

        for (var i = start + 1; i < end - 1; i++)
        {
            var previous = text[i - 1];
            if (previous == '。' || IsPartNumeral(text[i]) && text[i + 1] == '、' && !IsPartNumeral(previous))
            {
                starts.Add(i);
            }
        }
    }

    private static bool IsPartNumeral(char c) => c is '一' or '二' or '三' or '四' or '五' or '六' or '七' or '八' or '九' or '十';

    public int LineCount => _lineStarts.Length;

    public int LineOf(int position)
    {
        var index = Array.BinarySearch(_lineStarts, position);
        return index >= 0 ? index : ~index - 1;
    }

    public int LineStart(int line) => _lineStarts[line];

    /// <summary>
    /// Whether the first character at or after <paramref name="position"/> that is not whitespace, '#' or '*' begins its
    /// line (or a sentence of a one-line page): only such marks precede it on the line.
    /// </summary>
    public bool StartsLine(int position)
    {
        var p = position;
        while (p < Text.Length && (char.IsWhiteSpace(Text[p]) || Text[p] is '#' or '*'))
        {
            p++;
        }

        for (var i = LineStart(LineOf(p)); i < p; i++)
        {
            if (!char.IsWhiteSpace(Text[i]) && Text[i] is not ('#' or '*'))
            {
                return false;
            }
        }

        return true;
    }

    public int LineEnd(int line) => line + 1 < _lineStarts.Length ? _lineStarts[line + 1] - 1 : Text.Length;

    public ReadOnlySpan<char> LineSpan(int line) => Text.AsSpan(LineStart(line), LineEnd(line) - LineStart(line));

    /// <summary>A prose line (holds 。) or a page number: neither labels nor numbers there belong to a table.</summary>
    public bool IsSkipped(int line) => _skipLine[line];

    /// <summary>The lines between two positions that can hold table cells (prose lines left out), clipped to the range.</summary>
    private IEnumerable<(int Line, int Start, int End)> TableLines(int from, int to)
    {
        var lastLine = LineOf(Math.Max(from, to - 1));
        for (var line = LineOf(from); line <= lastLine; line++)
        {
            if (!_skipLine[line])
            {
                yield return (line, Math.Max(from, LineStart(line)), Math.Min(to, LineEnd(line)));
            }
        }
    }

    /// <summary>The cell values between two positions, in text order, leaving out prose lines.</summary>
    public List<CellToken> Tokens(int from, int to)
    {
        var tokens = new List<CellToken>();
        if (from >= to)
        {
            return tokens;
        }

        foreach (var (line, start, end) in TableLines(from, to))
        {
            var i = start;
            while (i < end)
            {
                while (i < end && IsSeparator(Text[i]))
                {
                    i++;
                }

                var pieceStart = i;
                while (i < end && !IsSeparator(Text[i]))
                {
                    i++;
                }

                if (i > pieceStart && Classify(Text.AsSpan(pieceStart, i - pieceStart)) is { } classified && !IsInsideText(pieceStart, i, start, end))
                {
                    tokens.Add(new CellToken(pieceStart, i, line, classified.Kind, classified.Value));
                }
            }
        }

        return tokens;
    }

    /// <summary>
    /// The cells between two positions where cells are delimited (tabs after normalisation): values, dashes and
    /// blank cells, in order. A blank is a whitespace-only segment between two delimiters, or a line holding a
    /// lone delimiter (one cell per line, "|" or "&lt;td&gt;&lt;/td&gt;"). Segments at either end of a line are not
    /// cells of their own: they are the padding of a leading or trailing delimiter.
    /// </summary>
    public List<CellToken> CellsWithBlanks(int from, int to)
    {
        var cells = new List<CellToken>();
        if (from >= to)
        {
            return cells;
        }

        foreach (var (line, start, end) in TableLines(from, to))
        {
            var span = Text.AsSpan(start, end - start);
            if (span.Trim(' ').SequenceEqual("\t"))
            {
                cells.Add(new CellToken(start, end, line, CellTokenKind.Blank, null));
                continue;
            }

            var segmentStart = start;
            var segments = 0;
            for (var i = start; i <= end; i++)
            {
                if (i < end && Text[i] != '\t')
                {
                    continue;
                }

                var isEdge = segments == 0 || i == end;
                var segment = Text.AsSpan(segmentStart, i - segmentStart);
                if (segment.IsWhiteSpace())
                {
                    if (!isEdge)
                    {
                        cells.Add(new CellToken(segmentStart, i, line, CellTokenKind.Blank, null));
                    }
                }
                else
                {
                    cells.AddRange(Tokens(segmentStart, i));
                }

                segments++;
                segmentStart = i + 1;
            }
        }

        return cells;
    }

    public static bool IsSeparator(char c) => c is ' ' or '\t' or '\n';

    /// <summary>
    /// A number set in running text of one cell ("保留 4 位小数", "不予公开 1 属于国家秘密"): a single space and
    /// Chinese text on both sides. Cell boundaries are tabs or runs of spaces, never a single space.
    /// </summary>
    private bool IsInsideText(int pieceStart, int pieceEnd, int lineStart, int lineEnd)
    {
        var spaceThenText = pieceEnd + 1 < lineEnd && Text[pieceEnd] == ' ' && IsChineseText(Text[pieceEnd + 1]);
        if (spaceThenText && Units.Contains(Text[pieceEnd + 1]) && (pieceEnd + 2 >= lineEnd || Text[pieceEnd + 2] != ' '))
        {
            return true; // "2020 年,我单位…", "共 3 件": a count in running text, not a cell
        }

        return spaceThenText && pieceStart - 2 >= lineStart && Text[pieceStart - 1] == ' ' && IsChineseText(Text[pieceStart - 2]);
    }

    private static readonly SearchValues<char> Units = SearchValues.Create("年月日件条个项次家篇期元％%名天户余");

    private static bool IsChineseText(char c)
        => c is >= '\u4e00' and <= '\u9fff' or >= '\u3001' and <= '\u303f' or >= '\uff01' and <= '\uff0f' or >= '\uff1a' and <= '\uff5e';

    private static (CellTokenKind Kind, decimal? Value)? Classify(ReadOnlySpan<char> piece)
    {
        if (piece is "-" or "—" or "–" or "/" or "／" or "——" or "--" or "\\")
        {
            return (CellTokenKind.Placeholder, null);
        }

        var body = piece[0] is '-' or '+' ? piece[1..] : piece;
        if (body.IsEmpty || !char.IsAsciiDigit(body[0]) || !char.IsAsciiDigit(body[^1]))
        {
            return null;
        }

        var dot = -1;
        var commas = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '.')
            {
                if (dot >= 0)
                {
                    return null;
                }

                dot = i;
            }
            else if (c == ',')
            {
                if (dot >= 0)
                {
                    return null;
                }

                commas++;
            }
            else if (!char.IsAsciiDigit(c))
            {
                return null;
            }
        }

        if (commas > 0 && !HasThousandsGrouping(dot >= 0 ? body[..dot] : body))
        {
            return null;
        }

        if (!decimal.TryParse(piece, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var integerDigits = dot >= 0 ? body[..dot] : body;
        var runTogether = integerDigits.Length > 1 && integerDigits[0] == '0';
        return (runTogether ? CellTokenKind.RunTogether : CellTokenKind.Number, value);
    }

    private static bool HasThousandsGrouping(ReadOnlySpan<char> integer)
    {
        var groups = integer.ToString().Split(',');
        if (groups[0].Length is < 1 or > 3)
        {
            return false;
        }

        for (var i = 1; i < groups.Length; i++)
        {
            if (groups[i].Length != 3)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPageNumber(ReadOnlySpan<char> line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length < 3)
        {
            return false;
        }

        var isDash = static (char c) => c is '-' or '—' or '–';
        if (!isDash(trimmed[0]) || !isDash(trimmed[^1]))
        {
            return false;
        }

        var inner = trimmed[1..^1].Trim();
        foreach (var c in inner)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return !inner.IsEmpty;
    }
}
