using ReportArchive.Corpus.Reports;
using ReportArchive.Ingestion;
using ReportArchive.Storage;

namespace ReportArchive.Server.Tests.Support;

/// <summary>
/// An archive of <see cref="Reports"/> generated reports (fixed seed), imported once per test run into a template
/// folder; each server gets its own copy (<see cref="ArchiveApplication.WithGeneratedReports"/>), so the pages are
/// tried at real size without every test paying for the import.
/// </summary>
public static class GeneratedArchive
{
    public const int Reports = 2000;
    public const int Seed = 17;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _template;

    /// <summary>Copies the template archive's files into <paramref name="dataDirectory"/> (created).</summary>
    public static async Task CopyToAsync(string dataDirectory)
    {
        var template = await TemplateAsync();
        Directory.CreateDirectory(dataDirectory);
        foreach (var file in Directory.EnumerateFiles(template))
        {
            File.Copy(file, Path.Combine(dataDirectory, Path.GetFileName(file)));
        }
    }

    private static async Task<string> TemplateAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_template is not null)
            {
                return _template;
            }

            var root = Path.Combine(Path.GetTempPath(), "reportarchive-server-tests", "generated-" + Guid.NewGuid().ToString("N"));
            var corpus = Directory.CreateDirectory(root + "-corpus").FullName;
            foreach (var report in new ReportCorpusGenerator(seed: Seed).Generate(Reports))
            {
                await File.WriteAllTextAsync(Path.Combine(corpus, report.FileName), report.Text);
            }

            var summary = await new ReportImporter(new ReportStore(ArchiveDatabase.Open(root))).ImportAsync([corpus], null, CancellationToken.None);
            Assert.Empty(summary.Failed);

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(corpus, recursive: true);
            _template = root;
            return root;
        }
        finally
        {
            Gate.Release();
        }
    }
}
