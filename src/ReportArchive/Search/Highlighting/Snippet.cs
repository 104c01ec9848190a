using ReportArchive.Figures;

namespace ReportArchive.Search.Highlighting;

/// <summary>
/// A passage of a report's original text, <c>[Start, End)</c>, with the matches inside it (sorted, disjoint).
/// Data, not HTML: <see cref="ToHtml"/> escapes the text and only then wraps each match in &lt;mark&gt;.
/// <see cref="Cells"/>: where the figure reader found the report's table cells (their labels shown with the digits).
/// </summary>
public sealed record Snippet(string Text, int Start, int End, IReadOnlyList<Highlight> Highlights, IReadOnlyList<FigureSource>? Cells = null)
{
    /// <summary>
    /// Renders the passage as HTML (see <see cref="PassageRenderer"/>): the converters' markup left out, table cells
    /// apart by <c> | </c> and rows by <c> ／ </c>, the located figure cells of <see cref="Cells"/> with their labels;
    /// whitespace laid out as the normaliser sees it (dropped next to a Han character, otherwise one space), so the
    /// line breaks of a PDF extraction do not litter the passage; an ellipsis marks a cut.
    /// </summary>
    public string ToHtml() => PassageRenderer.ToHtml(Text, Start, End, Highlights, Cells ?? []);
}
