namespace ReportArchive.Figures.Narrative;

/// <summary>One figure the prose states (共收到政府信息公开申请44件 → requests.new.total 44), with its sentence.</summary>
/// <param name="Key">The figure key (figure-keys.md), e.g. <c>requests.new.total</c>.</param>
/// <param name="Value">The number as the sentence prints it (0 for 未收到…申请).</param>
/// <param name="Source">The sentence: kind <see cref="FigureSourceKind.Narrative"/>, its span in the original text.</param>
public sealed record NarrativeFigure(string Key, decimal Value, FigureSource Source);
