using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ReportArchive.Figures;

/// <summary>
/// Brings every table layout to one shape before reading: HTML cells and markdown pipes become tabs, table rows
/// become lines, full-width digits and spaces become ASCII, bold markers go.
/// </summary>
internal static partial class ReportTextNormalizer
{
    public static string Normalize(string text)
    {
        if (text.Contains("<td", StringComparison.OrdinalIgnoreCase) || text.Contains("<th", StringComparison.OrdinalIgnoreCase))
        {
            text = FlattenHtml(text);
        }

        var builder = new StringBuilder(text.Length);
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine;
            var trimmed = line.AsSpan().Trim();
            if (trimmed.StartsWith("|") || trimmed.EndsWith("|") || trimmed.Count('|') >= 2)
            {
                if (MarkdownSeparator().IsMatch(line))
                {
                    builder.Append('\n');
                    continue;
                }

                line = line.Replace('|', '\t');
            }

            AppendFolded(builder, line);
            builder.Append('\n');
        }

        return builder.ToString();
    }

    private static void AppendFolded(StringBuilder builder, string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            switch (c)
            {
                case '\r':
                    break;
                case '*' when i + 1 < line.Length && line[i + 1] == '*':
                    i++;
                    break;
                case '\u0007' or '\u000b':
                    builder.Append('\t');
                    break;
                case '\u3000' or '\u00a0' or '\u2002' or '\u2003' or '\u2009':
                    builder.Append(' ');
                    break;
                case >= '\uff10' and <= '\uff19':
                    builder.Append((char)('0' + (c - '\uff10')));
                    break;
                case '\uff0d' or '\u2212':
                    builder.Append('-');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }
    }

    private static string FlattenHtml(string text)
    {
        text = CellEnd().Replace(text, "\t");
        text = RowBreak().Replace(text, "\n");
        text = InlineBreak().Replace(text, " ");
        text = AnyTag().Replace(text, string.Empty);
        return WebUtility.HtmlDecode(text);
    }

    [GeneratedRegex(@"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-*:?\s*)*\|?\s*$")]
    private static partial Regex MarkdownSeparator();

    [GeneratedRegex(@"</t[dh]\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex CellEnd();

    [GeneratedRegex(@"</?(?:tr|p|div|table|tbody|thead|h[1-6]|li)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex RowBreak();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineBreak();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex AnyTag();
}
