using ReportArchive.Figures;

namespace ReportArchive.Statistics;

/// <summary>What statistics can be computed on: a figure key of either template, or a derived rate.</summary>
public sealed class StatisticsFigure
{
    private static readonly HashSet<string> FigureKeySet = FigureKeys.All.Select(k => k.Key).ToHashSet(StringComparer.Ordinal);

    private readonly DerivedRate? _rate;

    private StatisticsFigure(string key, DerivedRate? rate)
    {
        Key = key;
        _rate = rate;
        RequiredKeys = rate is null ? [key] : rate.Figures.Distinct(StringComparer.Ordinal).ToList();
    }

    public string Key { get; }

    public bool IsRate => _rate is not null;

    /// <summary>The stored figures the value is computed from.</summary>
    public IReadOnlyList<string> RequiredKeys { get; }

    /// <summary>The figure or rate named <paramref name="key"/>; null when there is none.</summary>
    public static StatisticsFigure? Find(string? key)
    {
        if (key is null)
        {
            return null;
        }

        if (FigureKeySet.Contains(key))
        {
            return new StatisticsFigure(key, null);
        }

        return DerivedRates.Find(key) is { } rate ? new StatisticsFigure(key, rate) : null;
    }

    /// <summary>The value for one report, given its figures (keys absent or null are not printed).</summary>
    public FigureValue Evaluate(IReadOnlyDictionary<string, decimal?> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (_rate is not null)
        {
            return _rate.Evaluate(key => figures.GetValueOrDefault(key));
        }

        return figures.GetValueOrDefault(Key) is { } value ? FigureValue.Of(value) : FigureValue.Missing;
    }
}
