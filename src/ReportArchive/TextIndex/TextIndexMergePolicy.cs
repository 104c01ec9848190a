namespace ReportArchive.TextIndex;

/// <summary>
/// When to merge segments: a segment's tier is ⌊log₈ reports⌋; when <see cref="SegmentsPerTier"/> or more
/// neighbouring segments (in report order) share a tier, they become one segment of the next tier. Imports in
/// batches of 256 (tier 2) thus merge into segments of 2,048, 16,384, 131,072 reports: at most about 8 segments per
/// tier, and every report is rewritten once per tier it climbs (write amplification ≈ the number of tiers, ~4 at
/// 100,000 reports). Merging only neighbours keeps the segments' id ranges disjoint. A run whose merge would exceed
/// <see cref="MaxMergedBytes"/> is left as it is.
/// </summary>
public static class TextIndexMergePolicy
{
    public const int SegmentsPerTier = 8;

    public const long MaxMergedBytes = 512L * 1024 * 1024;

    public static int Tier(int documents) => documents <= 1 ? 0 : (int)(Math.Log2(documents) / 3 + 1e-9);

    /// <summary>The segments to merge into one now (neighbours in report order, lowest tier first), or none.</summary>
    public static IReadOnlyList<SegmentSummary> Choose(IReadOnlyList<SegmentSummary> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var ordered = segments.OrderBy(s => s.FirstReport).ToArray();
        IReadOnlyList<SegmentSummary> best = [];
        var bestTier = int.MaxValue;
        var start = 0;
        while (start < ordered.Length)
        {
            var tier = Tier(ordered[start].Documents);
            var end = start + 1;
            while (end < ordered.Length && Tier(ordered[end].Documents) == tier)
            {
                end++;
            }

            if (end - start >= SegmentsPerTier && tier < bestTier
                && ordered.AsSpan(start, end - start).ToArray().Sum(s => s.Bytes) <= MaxMergedBytes)
            {
                best = ordered[start..end];
                bestTier = tier;
            }

            start = end;
        }

        return best;
    }
}
