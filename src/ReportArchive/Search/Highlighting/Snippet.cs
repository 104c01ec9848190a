using System.Text;
using ReportArchive.Analysis.Normalization;

namespace ReportArchive.Search.Highlighting;

/// <summary>
/// A passage of a report's original text, <c>[Start, End)</c>, with the matches inside it (sorted, disjoint).
/// Data, not HTML: <see cref="ToHtml"/> escapes the text and only then wraps each match in &lt;mark&gt;.
/// </summary>
public sealed record Snippet(string Text, int Start, int End, IReadOnlyList<Highlight> Highlights)
{
    /// <summary>
    /// Renders the passage as HTML. Whitespace is laid out as the normaliser sees it (dropped next to a Han
    /// character, otherwise one space), so the line breaks of a PDF extraction do not litter the passage; an
    /// ellipsis marks a cut.
    /// </summary>
    public string ToHtml()
    {
        var html = new StringBuilder((End - Start) * 2);
        if (Start > 0)
        {
            html.Append('…');
        }

        var next = 0;
        var open = false;
        var lastWasHan = true; // no space at the start of a passage
        var i = Start;
        while (i < End)
        {
            if (!open && next < Highlights.Count && Highlights[next].Start <= i)
            {
                html.Append("<mark>");
                open = true;
            }

            if (char.IsWhiteSpace(Text[i]))
            {
                var runEnd = i;
                while (runEnd < End && char.IsWhiteSpace(Text[runEnd]))
                {
                    runEnd++;
                }

                if (runEnd < End && !lastWasHan && !IsHanAt(runEnd))
                {
                    html.Append(' ');
                }

                i = runEnd;
            }
            else
            {
                Rune.DecodeFromUtf16(Text.AsSpan(i, End - i), out var rune, out var length);
                AppendEscaped(html, Text.AsSpan(i, length));
                lastWasHan = CharacterClass.IsHan(rune.Value);
                i += length;
            }

            if (open && Highlights[next].End <= i)
            {
                html.Append("</mark>");
                open = false;
                next++;
            }
        }

        if (open)
        {
            html.Append("</mark>");
        }

        if (End < Text.Length)
        {
            html.Append('…');
        }

        return html.ToString();
    }

    private bool IsHanAt(int index)
    {
        Rune.DecodeFromUtf16(Text.AsSpan(index), out var rune, out _);
        return CharacterClass.IsHan(rune.Value);
    }

    private static void AppendEscaped(StringBuilder html, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
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
