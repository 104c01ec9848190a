using System.Net;
using Spectre.Console;

namespace ReportArchive.Cli.Commands;

/// <summary>Turns a snippet's HTML (escaped text, matches in &lt;mark&gt;) into terminal markup.</summary>
internal static class SnippetMarkup
{
    public static string ToConsoleMarkup(string snippetHtml)
    {
        var parts = snippetHtml.Split(["<mark>", "</mark>"], StringSplitOptions.None);
        return string.Concat(parts.Select((part, i) =>
        {
            var text = Markup.Escape(WebUtility.HtmlDecode(part));
            return i % 2 == 1 ? $"[bold yellow]{text}[/]" : text;
        }));
    }
}
