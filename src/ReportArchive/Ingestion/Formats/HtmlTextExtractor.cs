using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ReportArchive.Ingestion.Formats;

/// <summary>
/// The text of an HTML page as a report reader needs it: block elements on lines of their own, each table row on
/// one line with its cells kept apart by tabs, scripts, styles and comments left out.
/// </summary>
internal static class HtmlTextExtractor
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "head", "iframe", "object", "svg",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
        "nav", "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot", "ul",
    };

    /// <summary>The page's own statements of its title, date and address (meta tags of the government site systems).</summary>
    private static readonly (string Meta, string Label)[] PageLabels =
    [
        ("ArticleTitle", "标题"), ("og:title", "标题"), ("PubDate", "发布时间"), ("Url", "原文链接"), ("og:url", "原文链接"),
    ];

    public static string Extract(string html)
    {
        HtmlNestingScanner.Check(html); // bounds the parser's cost before it starts
        var document = new HtmlParser().ParseDocument(html);
        var text = new StringBuilder(html.Length / 2);
        AppendPageLabels(document, text);
        Append(document.Body ?? (INode)document.DocumentElement, text, inCell: false);
        AppendTablesInScripts(document, text);
        return text.ToString();
    }

    /// <summary>
    /// The title, date and address the page's meta tags state, as the label lines a crawler writes
    /// (<c>标题: …</c>, <c>发布时间: …</c>, <c>原文链接: …</c>), so the report reader finds them as in a crawled text.
    /// </summary>
    private static void AppendPageLabels(AngleSharp.Html.Dom.IHtmlDocument document, StringBuilder text)
    {
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (meta, label) in PageLabels)
        {
            var element = document.QuerySelector($"meta[name='{meta}'], meta[property='{meta}']");
            var value = element?.GetAttribute("content")?.Trim();
            if (!string.IsNullOrEmpty(value) && value.IndexOfAny(['\n', '\r']) < 0 && written.Add(label))
            {
                text.Append(label).Append(": ").Append(value).Append('\n');
            }
        }
    }

    /// <summary>
    /// Tables a page writes from a JavaScript string (<c>document.write("&lt;table&gt;…")</c>, <c>var html = '&lt;tr&gt;…'</c>):
    /// the string's escapes (<c>\"</c>, <c>\n</c>, <c>\/</c>) undone and its rows appended as the page's own.
    /// </summary>
    private static void AppendTablesInScripts(AngleSharp.Html.Dom.IHtmlDocument document, StringBuilder text)
    {
        foreach (var script in document.Scripts)
        {
            var code = script.Text;
            if (code.IndexOf("<table", StringComparison.OrdinalIgnoreCase) < 0 && code.IndexOf("<tr", StringComparison.OrdinalIgnoreCase) < 0)
            {
                continue;
            }

            var markup = UnescapeScriptString(code);
            var fragment = new HtmlParser().ParseDocument("<html><body>" + markup + "</body></html>");
            var tables = fragment.Body?.QuerySelectorAll("table");
            if (tables is null)
            {
                continue;
            }

            foreach (var table in tables.Where(t => t.ParentElement?.Closest("table") is null))
            {
                NewLine(text);
                Append(table, text, inCell: false);
                NewLine(text);
            }
        }
    }

    private static string UnescapeScriptString(string code)
    {
        var markup = new StringBuilder(code.Length);
        for (var i = 0; i < code.Length; i++)
        {
            if (code[i] == '\\' && i + 1 < code.Length)
            {
                var next = code[++i];
                markup.Append(next switch { 'n' => '\n', 't' => '\t', 'r' => ' ', _ => next });
            }
            else if (code[i] is '"' or '\'' or '+')
            {
                // String delimiters and concatenation between the pieces of the markup.
                markup.Append(' ');
            }
            else
            {
                markup.Append(code[i]);
            }
        }

        return markup.ToString();
    }

    private static void Append(INode node, StringBuilder text, bool inCell)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText textNode:
                    AppendCollapsed(textNode.Data, text);
                    break;
                case IElement element when Skipped.Contains(element.LocalName):
                    break;
                case IElement { LocalName: "br" }:
                    AppendBreak(text, inCell);
                    break;
                case IElement { LocalName: "tr" } row:
                    AppendRow(row, text);
                    break;
                case IElement element when !inCell && Blocks.Contains(element.LocalName):
                    NewLine(text);
                    Append(element, text, inCell);
                    NewLine(text);
                    break;
                case IElement element:
                    Append(element, text, inCell);
                    break;
            }
        }
    }

    private static void AppendRow(IElement row, StringBuilder text)
    {
        NewLine(text);
        var first = true;
        foreach (var cell in row.Children.Where(c => c.LocalName is "td" or "th"))
        {
            if (!first)
            {
                text.Append('\t');
            }

            first = false;
            var content = new StringBuilder();
            Append(cell, content, inCell: true);
            text.Append(content.ToString().Trim());
        }

        text.Append('\n');
    }

    /// <summary>
    /// A line break: a new line in running text; inside a cell the label's pieces joined (结果&lt;br&gt;维持 is 结果维持),
    /// with a space only between Latin letters or digits.
    /// </summary>
    private static void AppendBreak(StringBuilder text, bool inCell)
    {
        if (!inCell)
        {
            text.Append('\n');
            return;
        }

        while (text.Length > 0 && text[^1] == ' ')
        {
            text.Length--;
        }

        if (text.Length > 0 && char.IsAsciiLetterOrDigit(text[^1]))
        {
            text.Append(' ');
        }
    }

    /// <summary>Runs of HTML whitespace become one space, as a browser shows them.</summary>
    private static void AppendCollapsed(string data, StringBuilder text)
    {
        foreach (var c in data)
        {
            if (c is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                if (text.Length > 0 && text[^1] is not (' ' or '\n' or '\t'))
                {
                    text.Append(' ');
                }
            }
            else
            {
                text.Append(c);
            }
        }
    }

    private static void NewLine(StringBuilder text)
    {
        while (text.Length > 0 && text[^1] == ' ')
        {
            text.Length--;
        }

        if (text.Length > 0 && text[^1] != '\n')
        {
            text.Append('\n');
        }
    }
}
