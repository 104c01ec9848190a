using System.Text.Json.Serialization;

namespace ReportArchive.Statistics;

/// <summary>
/// A rate computed from a report's figures: the sum of the numerator figures over the sum of the denominator
/// figures, rounded to 6 decimals. It needs every term printed; a zero denominator leaves it undefined.
/// </summary>
/// <param name="Key">Stable key, e.g. <c>rates.disclosure</c>.</param>
/// <param name="ChineseLabel">What the rate is called in Chinese, e.g. 公开率.</param>
/// <param name="Numerator">Figure keys summed above the line.</param>
/// <param name="Denominator">Figure keys summed below the line.</param>
public sealed record DerivedRate(string Key, string ChineseLabel, IReadOnlyList<string> Numerator, IReadOnlyList<string> Denominator)
{
    public const int Decimals = 6;

    /// <summary>The formula as text, e.g. <c>(a + b) / c</c>.</summary>
    public string Formula => $"{Terms(Numerator)} / {Terms(Denominator)}";

    [JsonIgnore]
    public IEnumerable<string> Figures => Numerator.Concat(Denominator);

    /// <summary>The rate of one report, given a lookup of its figures (null: not printed or not in its template).</summary>
    public FigureValue Evaluate(Func<string, decimal?> figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        if (Sum(Numerator, figure) is not { } above || Sum(Denominator, figure) is not { } below)
        {
            return FigureValue.Missing;
        }

        return below == 0 ? FigureValue.Undefined : FigureValue.Of(Math.Round(above / below, Decimals, MidpointRounding.ToEven));
    }

    private static decimal? Sum(IReadOnlyList<string> keys, Func<string, decimal?> figure)
    {
        decimal sum = 0;
        foreach (var key in keys)
        {
            if (figure(key) is not { } value)
            {
                return null;
            }

            sum += value;
        }

        return sum;
    }

    private static string Terms(IReadOnlyList<string> keys) => keys.Count == 1 ? keys[0] : "(" + string.Join(" + ", keys) + ")";
}
