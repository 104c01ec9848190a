namespace ReportArchive.Figures;

/// <summary>What a cell may print: a minus sign (本年增/减), a decimal point (amounts in 万元).</summary>
internal readonly record struct CellRule(bool Negative, bool Decimal)
{
    public static CellRule Count { get; } = new(false, false);
}
