using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ReportArchive.Figures;

/// <summary>
/// Brings every table layout to one shape before reading: HTML cells and markdown pipes become tabs, table rows
/// become lines, full-width digits and spaces become ASCII, bold markers go. Keeps, for every character of the
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

            AppendFolded(builder, mapped, line, origins, lineStart);
            builder.Append('\n');
            mapped.Add(newline);
            lineStart += rawLine.Length + 1;
        }

        return (builder.ToString(), [.. mapped]);
    }

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
