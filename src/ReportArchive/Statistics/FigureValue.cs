namespace ReportArchive.Statistics;

/// <summary>A report's value of a figure or a rate: the number, or none (not printed), or a rate whose denominator is zero.</summary>
public readonly record struct FigureValue(decimal? Value, bool ZeroDenominator)
{
    public static FigureValue Missing { get; } = new(null, false);

    public static FigureValue Undefined { get; } = new(null, true);

    public static FigureValue Of(decimal value) => new(value, false);
}
