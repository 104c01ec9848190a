using ReportArchive.Analysis.Normalization;
using ReportArchive.Corpus.Reports;
using ReportArchive.Tests.Fixtures;

namespace ReportArchive.Tests.Search;

/// <summary>1,200 generated reports imported once for the exactness tests (read-only: the tests only search).</summary>
public sealed class GeneratedCorpusFixture : IAsyncLifetime
{
    public const int Reports = 1200;

    internal TemporaryArchive Archive { get; } = new();

    /// <summary>The brute-force oracle's input: every report's normalised text.</summary>
    public IReadOnlyList<string> NormalizedTexts { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Archive.DataDirectory, "corpus")).FullName;
        var texts = new List<string>();
        foreach (var report in new ReportCorpusGenerator(seed: 42).Generate(Reports))
        {
            await File.WriteAllTextAsync(Path.Combine(folder, report.FileName), report.Text);
            texts.Add(TextNormalizer.NormalizeToString(report.Text));
        }

        var summary = await Archive.Importer.ImportAsync([folder], null, CancellationToken.None);
        Assert.Empty(summary.Failed);
        NormalizedTexts = texts;
    }

    public Task DisposeAsync()
    {
        Archive.Dispose();
        return Task.CompletedTask;
    }
}
