namespace ReportArchive.LoadTest;

/// <summary>Latencies of one kind of request (or all): count, rate and nearest-rank percentiles in milliseconds.</summary>
internal sealed record LatencySummary(string Kind, int Count, double PerSecond, double P50, double P90, double P99, double Max)
{
    public static LatencySummary Of(string kind, IReadOnlyCollection<double> milliseconds, double seconds)
    {
        var sorted = milliseconds.Order().ToArray();
        return new LatencySummary(
            kind, sorted.Length, sorted.Length / seconds, Percentile(sorted, 50), Percentile(sorted, 90), Percentile(sorted, 99),
            sorted.Length == 0 ? double.NaN : sorted[^1]);
    }

    private static double Percentile(double[] sorted, double percent)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
