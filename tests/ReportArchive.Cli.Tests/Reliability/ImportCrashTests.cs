using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using ReportArchive.Cli.Tests.Support;
using ReportArchive.Corpus.Reports;
using ReportArchive.TextIndex;
using Xunit.Abstractions;

namespace ReportArchive.Cli.Tests.Reliability;

/// <summary>
/// Starts the CLI import of generated reports as a child process and SIGKILLs it at seeded random moments; after
/// every kill the archive opens, passes <c>PRAGMA integrity_check</c> and holds only whole reports (every report has
/// its full-text row, figures and checks; no row without its report); a final import adds exactly the missing
/// reports. CI runs at least 6 kill points over 1,000 reports; <c>scripts/reliability/crash-test.sh</c> runs 24 over 3,000
/// (environment RELIABILITY_KILL_POINTS and RELIABILITY_REPORTS).
/// </summary>
public sealed partial class ImportCrashTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _directory = CliRunner.TemporaryDirectory();

    [Fact]
    public async Task KilledImports_LeaveOnlyWholeReportsAndAReRunAddsExactlyTheMissingOnes()
    {
        var killPoints = Setting("RELIABILITY_KILL_POINTS", 6);
        var reportCount = Setting("RELIABILITY_REPORTS", 1_000);
        var input = Path.Combine(_directory, "input");
        var data = Path.Combine(_directory, "data");
        Directory.CreateDirectory(input);
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (report, index) in new ReportCorpusGenerator(seed: 77).Generate(reportCount).Select((r, i) => (r, i)))
        {
            distinct.Add(report.Text);
            await File.WriteAllTextAsync(Path.Combine(input, $"{index:00000}-{report.FileName}"), report.Text);
        }

        var random = new Random(2026);
        var killed = 0;
        var runs = 0;
        var fullImportMs = 0L;
        var stored = new List<long>();
        // go on until the kill points are done and the archive is left partly imported, for the re-run below
        while (killed < killPoints || Count(data) == 0 || Count(data) == distinct.Count)
        {
            runs++;
            Assert.True(runs < (killPoints * 4) + 20, "the import kept finishing before the kill");
            // a moment anywhere from the start-up to the end of a whole import (about 6 ms a report here until one is timed)
            var delay = TimeSpan.FromMilliseconds(random.Next(400, Math.Max(1_500, (int)(fullImportMs == 0 ? reportCount * 6 : fullImportMs))));
            var before = Count(data);
            using var process = StartImport(input, data);
            var clock = Stopwatch.StartNew();
            if (await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(delay)) is var first && process.HasExited)
            {
                // it finished first: it must have added exactly the reports that were missing
                fullImportMs = clock.ElapsedMilliseconds;
                var summary = SummaryLine().Match(await process.StandardOutput.ReadToEndAsync());
                Assert.True(summary.Success, "no summary line");
                Assert.Equal(distinct.Count - before, Number(summary, 1));
                Assert.Equal(before + (reportCount - distinct.Count), Number(summary, 2));
                AssertConsistent(data);
                Assert.Equal(distinct.Count, Count(data));
                SqliteConnection.ClearAllPools();
                Directory.Delete(data, recursive: true); // start over for the next kill point
                continue;
            }

            process.Kill(entireProcessTree: true); // SIGKILL
            await process.WaitForExitAsync();
            killed++;
            AssertConsistent(data);
            stored.Add(Count(data));
            if (Count(data) == distinct.Count)
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(data, recursive: true); // killed after the last write: start over
            }
        }

        // the re-run: exactly the missing reports are added, the stored ones are duplicates
        var beforeFinal = Count(data);
        var final = await CliRunner.RunAsync("import", input, "--data-dir", data);
        Assert.Equal(0, final.ExitCode);
        var line = SummaryLine().Match(final.Output);
        Assert.Equal(distinct.Count - beforeFinal, Number(line, 1));
        Assert.Equal(beforeFinal + (reportCount - distinct.Count), Number(line, 2));
        Assert.Equal(0, Number(line, 3));
        AssertConsistent(data);
        Assert.Equal(distinct.Count, Count(data));
        output.WriteLine($"{killed} kill points survived over {runs} runs of a {reportCount}-report import; reports stored at each kill: {string.Join(", ", stored)}; final import added {distinct.Count - beforeFinal}");
    }

    private static Process StartImport(string input, string data)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = CliRunner.RepositoryRoot,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "ReportArchive.Cli.dll"), "import", input, "--data-dir", data })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>The archive opens, is intact, and holds whole reports only.</summary>
    private static void AssertConsistent(string data)
    {
        if (!File.Exists(Path.Combine(data, "archive.db")))
        {
            return; // killed before the archive was created
        }

        using var connection = Open(data);
        Assert.Equal("ok", Scalar(connection, "PRAGMA integrity_check"));
        if (Scalar(connection, "PRAGMA user_version") is 0L)
        {
            return; // killed while the first migration created the schema (rolled back: the next open creates it)
        }

        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM pragma_foreign_key_check"));
        var reports = Ids(connection, "SELECT id FROM reports");
        Assert.Equal(reports, new SortedSet<long>(new TextIndexStore().Load(connection).Segments.SelectMany(s => s.ReportIds()))); // every report indexed
        Assert.Equal(reports, Ids(connection, "SELECT report_id FROM report_figures")); // one row a report: figures, checks, text
        Assert.Equal(reports, Ids(connection, "SELECT report_id FROM report_checks"));
        Assert.Equal(reports, Ids(connection, "SELECT report_id FROM report_texts"));
        Assert.Equal(reports.Count, Convert.ToInt64(Scalar(connection, "SELECT count(DISTINCT sha256) FROM reports"), CultureInfo.InvariantCulture));
    }

    private static long Count(string data)
    {
        if (!File.Exists(Path.Combine(data, "archive.db")))
        {
            return 0;
        }

        using var connection = Open(data);
        return Scalar(connection, "PRAGMA user_version") is 0L ? 0 : (long)Scalar(connection, "SELECT count(*) FROM reports")!;
    }

    private static SqliteConnection Open(string data)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(data, "archive.db"), Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static SortedSet<long> Ids(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var ids = new SortedSet<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static long Number(Match match, int group) => long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Imported (\d+), duplicates (\d+), failed (\d+)\.")]
    private static partial Regex SummaryLine();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }
}
