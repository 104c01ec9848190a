using System.Globalization;

namespace ReportArchive.Benchmarks;

/// <summary>
/// The command line: <c>--reports N</c> (default 10,000), <c>--data-dir DIR</c> (corpus and archive; default a folder
/// under the temporary folder), <c>--keep</c> (leave them behind), <c>--reuse</c> (use the corpus and archive a
/// previous <c>--keep</c> run left in DIR instead of generating and importing again; they are kept), <c>--rounds R</c> (warm rounds
/// of every query, default 7), <c>--warmup-passes W</c> (passes over the queries before the warm rounds, default 5),
/// <c>--clients C</c> (default 8), <c>--load-seconds S</c> (default 10),
/// <c>--seed S</c>, <c>--json FILE</c>, <c>--lucene</c> (also build and measure the Lucene.Net baselines, Lucene/; off by
/// default: SmartCn indexes at a few MiB/s, minutes at 20,000 reports).
/// </summary>
internal sealed record BenchmarkOptions(
    int Reports, string DataDirectory, bool Keep, bool Reuse, int Rounds, int WarmupPasses, int Clients, int LoadSeconds, int Seed, string JsonPath, bool Lucene)
{
    public const int DefaultSeed = 20_240_601;

    public string CorpusDirectory => Path.Combine(DataDirectory, "corpus");

    public string ArchiveDirectory => Path.Combine(DataDirectory, "archive");

    public static BenchmarkOptions Parse(string[] args)
    {
        var reports = Int(args, "--reports", 10_000);
        var dataDirectory = Path.GetFullPath(Text(args, "--data-dir")
            ?? Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"reportarchive-bench-{reports}")));
        var json = Path.GetFullPath(Text(args, "--json")
            ?? Path.Combine(dataDirectory, string.Create(CultureInfo.InvariantCulture, $"bench-{reports}.json")));
        return new BenchmarkOptions(
            reports,
            dataDirectory,
            args.Contains("--keep", StringComparer.Ordinal),
            args.Contains("--reuse", StringComparer.Ordinal),
            Int(args, "--rounds", 7),
            Int(args, "--warmup-passes", 5),
            Int(args, "--clients", 8),
            Int(args, "--load-seconds", 10),
            Int(args, "--seed", DefaultSeed),
            json,
            args.Contains("--lucene", StringComparer.Ordinal));
    }

    private static string? Text(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static int Int(string[] args, string name, int fallback) =>
        Text(args, name) is { } text ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : fallback;
}
