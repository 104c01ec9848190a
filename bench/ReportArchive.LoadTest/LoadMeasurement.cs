using System.Globalization;

namespace ReportArchive.LoadTest;

/// <summary>What a closed-loop run measured: per kind and overall latencies, and the failures by kind and status.</summary>
internal sealed record LoadMeasurement(
    int Clients, double Seconds, LatencySummary Overall, IReadOnlyList<LatencySummary> Kinds, IReadOnlyDictionary<string, int> Errors)
{
    public int ErrorCount => Errors.Values.Sum();

    public void Print(TextWriter output)
    {
        output.WriteLine(Invariant($"{Clients} connections, {Seconds:F1} s: {Overall.Count:N0} requests, {Overall.PerSecond:F1} requests/s, {ErrorCount} errors"));
        output.WriteLine(Invariant($"{"kind",-16}{"count",9}{"req/s",9}{"p50 ms",9}{"p90 ms",9}{"p99 ms",9}{"max ms",9}"));
        foreach (var kind in Kinds.Append(Overall))
        {
            output.WriteLine(Invariant($"{kind.Kind,-16}{kind.Count,9:N0}{kind.PerSecond,9:F1}{kind.P50,9:F1}{kind.P90,9:F1}{kind.P99,9:F1}{kind.Max,9:F1}"));
        }

        foreach (var (error, count) in Errors.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            output.WriteLine(Invariant($"error: {error} × {count}"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
