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

    public static string Extract(string html)
    {
        HtmlNestingScanner.Check(html); // bounds the parser's cost before it starts
        var document = new HtmlParser().ParseDocument(html);
        var text = new StringBuilder(html.Length / 2);
        Append(document.Body ?? (INode)document.DocumentElement, text, inCell: false);
        return text.ToString();
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
                    text.Append(inCell ? ' ' : '\n');
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
