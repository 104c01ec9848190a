namespace ReportArchive.Ingestion.Formats;

/// <summary>
/// Measures how deep an HTML page nests its elements, in one pass over the markup before it is parsed, and rejects a
/// page deeper than <see cref="MaxDepth"/>: a parser's cost grows with the depth of the open elements at every tag
/// (100,000 nested divs took 70 s of CPU to read). Elements that cannot nest (void ones such as br, and p, li, td, tr
/// …, which the next one closes) are not counted; comments, doctypes and the raw text of scripts and styles are
/// skipped; attribute values are skipped by their quotes.
/// </summary>
internal static class HtmlNestingScanner
{
    /// <summary>Real report pages nest a few dozen elements; browsers stop nesting at 512.</summary>
    public const int MaxDepth = 1_000;

    private static readonly HashSet<string> NotNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "td", "th", "tr", "tbody", "thead", "tfoot", "colgroup", "option", "optgroup", "rb", "rt", "rp",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext",
    };

    public static void Check(string html)
    {
        var depth = 0;
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                i = SkipPast(html, i + 4, "-->");
                continue;
            }

            var closing = i + 1 < html.Length && html[i + 1] == '/';
            var start = closing ? i + 2 : i + 1;
            var end = start;
            while (end < html.Length && char.IsAsciiLetterOrDigit(html[end]))
            {
                end++;
            }

            if (end == start || !char.IsAsciiLetter(html[start]))
            {
                i = start; // "<!doctype", "<?xml", a lone "<": no element
                continue;
            }

            var name = html[start..end];
            var (tagEnd, selfClosing) = EndOfTag(html, end);
            i = tagEnd;
            if (NotNesting.Contains(name))
            {
                continue;
            }

            if (closing)
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (RawText.Contains(name))
            {
                i = SkipPast(html, i, "</" + name);
            }
            else if (!selfClosing && ++depth > MaxDepth)
            {
                throw new InvalidReportFileException($"the HTML nests elements deeper than {MaxDepth:N0}");
            }
        }
    }

    /// <summary>The index after the tag's '>' (quoted attribute values skipped), and whether it ends with "/>".</summary>
    private static (int End, bool SelfClosing) EndOfTag(string html, int i)
    {
        char? quote = null;
        for (; i < html.Length; i++)
        {
            var c = html[i];
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'' && PrecededByEquals(html, i))
            {
                quote = c; // a quoted value; a quote inside an unquoted value is just a character
            }
            else if (c == '>')
            {
                return (i + 1, html[i - 1] == '/');
            }
        }

        return (html.Length, false);
    }

    private static bool PrecededByEquals(string html, int i)
    {
        while (--i >= 0 && char.IsWhiteSpace(html[i]))
        {
        }

        return i >= 0 && html[i] == '=';
    }

    private static int SkipPast(string html, int from, string marker)
    {
        var at = html.IndexOf(marker, from, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? html.Length : at + marker.Length;
    }
}
