using System.Diagnostics;
using ReportArchive.Search;

namespace ReportArchive.Benchmarks;

/// <summary>
/// The issue's own brute-force anchor, "ripgrep over the files", run in the same benchmark: ripgrep (the Debian package
/// <c>ripgrep</c>, when <c>rg</c> is on the PATH) over the normalised texts written one file per report, so its
/// answers are exact and comparable with the search's. Only the queries one ripgrep run answers are timed: one clause
/// of fixed strings (a term, a quoted phrase, alternatives joined by OR), no exclusion and no filter.
/// </summary>
internal sealed class RipgrepScan
{
    private readonly string _executable;
    private readonly string _folder;

    private RipgrepScan(string executable, string folder, double writeSeconds)
    {
        _executable = executable;
        _folder = folder;
        WriteSeconds = writeSeconds;
    }

    public double WriteSeconds { get; }

    /// <summary>Writes the texts to <paramref name="folder"/> (emptied first); null when ripgrep is not installed.</summary>
    public static RipgrepScan? Prepare(string folder, BruteForceScan scan)
    {
        var executable = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(directory => Path.Combine(directory, "rg"))
            .FirstOrDefault(File.Exists);
        if (executable is null)
        {
            return null;
        }

        var clock = Stopwatch.StartNew();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        scan.WriteTexts(folder);
        return new RipgrepScan(executable, folder, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The number of matching reports and the median wall time of <paramref name="rounds"/> runs; null when one run cannot answer the query.</summary>
    public (int Reports, double MedianMs)? Scan(BenchmarkQuery benchmark, int rounds)
    {
        if (!benchmark.Filters.IsEmpty || benchmark.Text is null)
        {
            return null;
        }

        var query = QueryParser.Default.Parse(benchmark.Text);
        if (query.Excluded.Any() || query.Required.Count() != 1)
        {
            return null;
        }

        var start = new ProcessStartInfo(_executable) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "--files-with-matches", "--fixed-strings", "--no-messages" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var term in query.Required.Single().Alternatives)
        {
            start.ArgumentList.Add("-e");
            start.ArgumentList.Add(term.Normalized);
        }

        start.ArgumentList.Add(_folder);
        var times = new List<double>(rounds);
        var reports = 0;
        for (var round = 0; round < rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            reports = 0;
            while (process.StandardOutput.ReadLine() is not null)
            {
                reports++;
            }

            process.WaitForExit();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return (reports, Statistics.Median(times));
    }
}
