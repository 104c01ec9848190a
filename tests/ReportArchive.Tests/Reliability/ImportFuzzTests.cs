using Microsoft.Data.Sqlite;
using ReportArchive.Ingestion;
using ReportArchive.Storage;
using Xunit.Abstractions;

namespace ReportArchive.Tests.Reliability;

/// <summary>
/// 2,200 generated hostile files through the real import: each is named once in the summary, as imported,
/// duplicate or failed with a reason; the import never throws and leaves a sound archive.
/// </summary>
public sealed class ImportFuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int Files = 2_200;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "reportarchive-reliability", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task GeneratedHostileFiles_AreEachImportedOrRejectedWithAReason()
    {
        var input = Path.Combine(_directory, "input");
        Directory.CreateDirectory(input);
        foreach (var (name, bytes) in new HostileFileGenerator(seed: 9).Generate(Files))
        {
            await File.WriteAllBytesAsync(Path.Combine(input, name), bytes);
        }

        var store = new ReportStore(ArchiveDatabase.Open(Path.Combine(_directory, "data")));
        var summary = await new ReportImporter(store).ImportAsync([input], progress: null, CancellationToken.None);

        var named = summary.Imported.Select(f => f.Path).Concat(summary.Duplicates.Select(f => f.Path)).Concat(summary.Failed.Select(f => f.Path)).ToList();
        Assert.Equal(Files, named.Count);
        Assert.Equal(Files, named.Distinct(StringComparer.Ordinal).Count());
        Assert.All(summary.Failed, f => Assert.False(string.IsNullOrWhiteSpace(f.Reason)));

        var byKind = named.GroupBy(p => Path.GetFileName(p)[..2], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        output.WriteLine($"{Files} files: {summary.Imported.Count} imported, {summary.Duplicates.Count} duplicates, {summary.Failed.Count} failed");
        foreach (var reason in summary.Failed.GroupBy(f => Path.GetFileName(f.Path)[3..].Split('-')[0] + ": " + ReasonKind(f.Reason)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {reason.Key} ×{reason.Count()}");
        }

        Assert.Equal(HostileFileGenerator.Kinds, byKind.Count);
        Assert.DoesNotContain(summary.Imported, f => Path.GetFileName(f.Path).StartsWith("00-", StringComparison.Ordinal)); // random bytes
        Assert.DoesNotContain(summary.Imported, f => Path.GetFileName(f.Path).StartsWith("04-", StringComparison.Ordinal)); // empty
        Assert.DoesNotContain(summary.Imported, f => Path.GetFileName(f.Path).StartsWith("05-", StringComparison.Ordinal)); // zip
        Assert.Contains(summary.Imported, f => Path.GetFileName(f.Path).StartsWith("10-", StringComparison.Ordinal)); // good reports
        Assert.Contains(summary.Imported, f => Path.GetFileName(f.Path).StartsWith("03-", StringComparison.Ordinal)); // GBK reads
        Assert.DoesNotContain(summary.Failed, f => Path.GetFileName(f.Path).StartsWith("10-", StringComparison.Ordinal)); // no good report refused

        using var connection = store.Database.OpenConnection();
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", check.ExecuteScalar());
        Assert.Equal(summary.Imported.Count, store.Count());
    }

    private static string ReasonKind(string reason) => System.Text.RegularExpressions.Regex.Replace(reason, "[0-9][0-9,]*", "N");

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
