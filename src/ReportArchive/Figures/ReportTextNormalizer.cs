using System.Buffers;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ReportArchive.Figures;

/// <summary>
/// Brings every table layout to one shape before reading: HTML cells and markdown pipes become tabs, table rows
/// become lines, full-width digits and spaces become ASCII, digits OCR misread as letters in a row of cells (O for 0,
/// l for 1) become digits, bold markers go. Keeps, for every character of the
/// result, the offset of the character of the original text it came from, so a cell read in the normalized text
/// can be shown in the text as stored.
/// </summary>
internal static partial class ReportTextNormalizer
{
    public static string Normalize(string text) => NormalizeWithOffsets(text).Text;

    /// <summary>The normalized text and, per character, its offset in <paramref name="text"/>.</summary>
    public static (string Text, int[] Origins) NormalizeWithOffsets(string text)
    {
        var origins = Enumerable.Range(0, text.Length).ToArray();
        if (text.Contains("<td", StringComparison.OrdinalIgnoreCase) || text.Contains("<th", StringComparison.OrdinalIgnoreCase))
        {
            (text, origins) = FlattenHtml(text);
        }

        var builder = new StringBuilder(text.Length);
        var mapped = new List<int>(text.Length);
        var lineStart = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine;
            var trimmed = line.AsSpan().Trim();
            var newline = lineStart + rawLine.Length < origins.Length ? origins[lineStart + rawLine.Length] : EndOrigin(origins, lineStart + rawLine.Length);
            if (trimmed.StartsWith("|") || trimmed.EndsWith("|") || trimmed.Count('|') >= 2)
            {
                if (MarkdownSeparator().IsMatch(line))
                {
                    builder.Append('\n');
                    mapped.Add(newline);
                    lineStart += rawLine.Length + 1;
                    continue;
                }

                line = line.Replace('|', '\t');
            }

            if (line.Contains('\t', StringComparison.Ordinal))
            {
                line = WithOcrDigitsRead(line);
            }

            AppendFolded(builder, mapped, line, origins, lineStart);
            builder.Append('\n');
            mapped.Add(newline);
            lineStart += rawLine.Length + 1;
        }

        return (builder.ToString(), [.. mapped]);
    }

    /// <summary>
    /// A row of cells (tab-delimited) as OCR misreads digits — a scanned table's 0 read as O or 〇, its 1 as l or I — with
    /// those cells read as the digits (lengths kept, so offsets hold): a cell holding only a lone O, o, 〇, l or I, or
    /// such letters among digits with one digit at least (1O, l2), in a row with two plain numbers or more. Words stay
    /// words: a letter next to another letter is no digit.
    /// </summary>
    private static string WithOcrDigitsRead(string line)
    {
        if (line.AsSpan().IndexOfAny(OcrLetters) < 0)
        {
            return line;
        }

        var cells = line.Split('\t');
        var numbers = cells.Count(c => c.Trim() is { Length: > 0 } t && t.All(char.IsAsciiDigit));
        if (numbers < 2)
        {
            return line;
        }

        var changed = false;
        for (var i = 0; i < cells.Length; i++)
        {
            var trimmed = cells[i].Trim();
            if (trimmed.Length > 0 && OcrDigits(trimmed) is { } digits)
            {
                cells[i] = cells[i].Replace(trimmed, digits, StringComparison.Ordinal);
                changed = true;
            }
        }

        return changed ? string.Join('\t', cells) : line;
    }

    private static string? OcrDigits(ReadOnlySpan<char> piece)
    {
        if (piece.Length > 6 || piece.IndexOfAny(OcrLetters) < 0)
        {
            return null;
        }

        var digits = 0;
        Span<char> read = stackalloc char[piece.Length];
        for (var i = 0; i < piece.Length; i++)
        {
            var c = piece[i];
            if (char.IsAsciiDigit(c))
            {
                digits++;
                read[i] = c;
                continue;
            }

            var digit = c switch { 'O' or 'o' or '〇' => '0', 'l' or 'I' => '1', _ => '\0' };
            var nextIsLetter = i + 1 < piece.Length && !char.IsAsciiDigit(piece[i + 1]);
            if (digit == '\0' || nextIsLetter)
            {
                return null;
            }

            read[i] = digit;
        }

        return piece.Length == 1 || digits > 0 ? read.ToString() : null;
    }

    private static readonly SearchValues<char> OcrLetters = SearchValues.Create("OoIl〇");

    private static int EndOrigin(int[] origins, int index) => origins.Length == 0 ? 0 : origins[^1] + 1;

    private static void AppendFolded(StringBuilder builder, List<int> mapped, string line, int[] origins, int offset)
    {
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            var origin = origins[offset + i];
            switch (c)
            {
                case '\r':
                    break;
                case '*' when i + 1 < line.Length && line[i + 1] == '*':
                    i++;
                    break;
                case '\u0007' or '\u000b':
                    Append(builder, mapped, '\t', origin);
                    break;
                case '\u3000' or '\u00a0' or '\u2002' or '\u2003' or '\u2009':
                    Append(builder, mapped, ' ', origin);
                    break;
                case >= '\uff10' and <= '\uff19':
                    Append(builder, mapped, (char)('0' + (c - '\uff10')), origin);
                    break;
                case '\uff0d' or '\u2212':
                    Append(builder, mapped, '-', origin);
                    break;
                default:
                    Append(builder, mapped, c, origin);
                    break;
            }
        }
    }

    private static void Append(StringBuilder builder, List<int> mapped, char c, int origin)
    {
        builder.Append(c);
        mapped.Add(origin);
    }

    /// <summary>Cell ends become tabs, rows and blocks line breaks, &lt;br&gt; a space, other tags nothing, entities their character.</summary>
    private static (string Text, int[] Origins) FlattenHtml(string text)
    {
        var builder = new StringBuilder(text.Length);
        var origins = new List<int>(text.Length);
        var last = 0;
        foreach (Match match in HtmlPiece().Matches(text))
        {
            for (var i = last; i < match.Index; i++)
            {
                builder.Append(text[i]);
                origins.Add(i);
            }

            var replacement = match.Groups["cell"].Success ? "\t"
                : match.Groups["row"].Success ? "\n"
                : match.Groups["br"].Success ? " "
                : match.Groups["entity"].Success ? WebUtility.HtmlDecode(match.Value)
                : string.Empty;
            foreach (var c in replacement)
            {
                builder.Append(c);
                origins.Add(match.Index);
            }

            last = match.Index + match.Length;
        }

        for (var i = last; i < text.Length; i++)
        {
            builder.Append(text[i]);
            origins.Add(i);
        }

        return (builder.ToString(), [.. origins]);
    }

    [GeneratedRegex(@"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-*:?\s*)*\|?\s*$")]
    private static partial Regex MarkdownSeparator();

    [GeneratedRegex(@"(?<cell></t[dh]\s*>)|(?<row></?(?:tr|p|div|table|tbody|thead|h[1-6]|li)\b[^>]*>)|(?<br><br\s*/?>)|(?<tag><[^>]*>)|(?<entity>&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);)", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlPiece();
}
