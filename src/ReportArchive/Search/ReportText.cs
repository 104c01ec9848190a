using ReportArchive.Analysis.Normalization;

namespace ReportArchive.Search;

/// <summary>A report's original text and, computed on first use, its normalised form with the offset map.</summary>
internal sealed class ReportText(string original)
{
    /// <summary>Match tiers kept per text: the last few queries (paging re-ranks the same window with the same query).</summary>
    private const int KeptTiers = 4;

    private NormalizedText? _normalized;
    private (string QueryKey, int Tier)[] _tiers = [];

    public string Original { get; } = original;

    public bool IsNormalized => Volatile.Read(ref _normalized) is not null;

    /// <summary>The normalised text (two threads asking at once may both compute it; either result is the same).</summary>
    public NormalizedText Normalized => Volatile.Read(ref _normalized) ?? (_normalized = TextNormalizer.Normalize(Original));

    /// <summary>
    /// The match tier of this text for a query, by the query's <see cref="Ranking.MatchRescorer.FeatureKey"/>: kept
    /// from an earlier search with the same key, or computed by <paramref name="tier"/> from the normalised text.
    /// </summary>
    public int TierFor(string queryKey, Func<string, int> tier)
    {
        ArgumentNullException.ThrowIfNull(tier);
        var known = Volatile.Read(ref _tiers);
        foreach (var (key, value) in known)
        {
            if (string.Equals(key, queryKey, StringComparison.Ordinal))
            {
                return value;
            }
        }

        var computed = tier(Normalized.Text);
        var kept = new (string, int)[Math.Min(KeptTiers, known.Length + 1)];
        kept[0] = (queryKey, computed);
        Array.Copy(known, 0, kept, 1, kept.Length - 1);
        Volatile.Write(ref _tiers, kept); // a concurrent search's tier may be lost: it is computed again next time
        return computed;
    }
}
