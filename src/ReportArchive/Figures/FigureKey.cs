namespace ReportArchive.Figures;

/// <summary>One cell of a national template: its stable key, the table it sits in and its Chinese row × column label.</summary>
/// <param name="Key">Stable key, e.g. <c>requests.unable.notHeld.naturalPerson</c>.</param>
/// <param name="Template">"2019" (reports on 2019 and 2020) or "2021" (reports on 2021 and later).</param>
/// <param name="Table">"A" (主动公开), "B" (收到和处理申请) or "C" (行政复议、行政诉讼).</param>
/// <param name="ChineseLabel">Row and column as the template prints them, e.g. "（四）1 本机关不掌握相关政府信息 × 自然人".</param>
public sealed record FigureKey(string Key, string Template, string Table, string ChineseLabel);
