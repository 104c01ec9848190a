namespace ReportArchive.Figures;

/// <summary>
/// The provenance of one figure: the span of the report's text it was read from, so a reader can check the number
/// in one click.
/// </summary>
/// <param name="Kind">A table cell or a sentence of the prose.</param>
/// <param name="Start">UTF-16 offset of the span in the report's text exactly as read (the stored <c>text</c>).</param>
/// <param name="Length">UTF-16 length of the span (the printed digits of a cell, or the sentence).</param>
/// <param name="Table">For a cell: "A", "B" or "C" (the template's tables 二, 三, 四); null for the prose.</param>
/// <param name="Row">For a cell: the row's label as the template names it (e.g. "本年新收政府信息公开申请数量").</param>
/// <param name="Column">For a cell: the column's label (e.g. "总计", "自然人", "本年制发件数").</param>
/// <param name="Sentence">For the prose: the sentence the value was read from.</param>
public sealed record FigureSource(
    FigureSourceKind Kind,
    int Start,
    int Length,
    string? Table = null,
    string? Row = null,
    string? Column = null,
    string? Sentence = null);
