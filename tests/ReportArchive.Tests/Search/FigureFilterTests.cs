using ReportArchive.Corpus.Reports;
using ReportArchive.Ingestion;
using ReportArchive.Search;
using ReportArchive.Tests.Fixtures;

namespace ReportArchive.Tests.Search;

/// <summary>400 generated reports imported once, with the figures the parser reads from each (the oracle).</summary>
public sealed class FigureFilterCorpus : IAsyncLifetime
{
    public const int Reports = 400;

    internal TemporaryArchive Archive { get; } = new();

    public Dictionary<string, IReadOnlyDictionary<string, decimal?>> FiguresByFile { get; } = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Archive.DataDirectory, "corpus")).FullName;
        var parser = new ReportParser();
        foreach (var report in new ReportCorpusGenerator(seed: 11).Generate(Reports))
        {
            await File.WriteAllTextAsync(Path.Combine(folder, report.FileName), report.Text);
            FiguresByFile[report.FileName] = parser.Parse(report.Text).Figures.Figures;
        }

        var summary = await Archive.Importer.ImportAsync([folder], null, CancellationToken.None);
        Assert.Empty(summary.Failed);
    }

    public Task DisposeAsync()
    {
        Archive.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>Figure conditions over generated reports select exactly the reports whose parsed figures satisfy them.</summary>
public sealed class FigureFilterTests(FigureFilterCorpus corpus) : IClassFixture<FigureFilterCorpus>
{
    [Theory]
    [InlineData("review.total>0")]
    [InlineData("requests.new.total>=10")]
    [InlineData("requests.new.total=0", "review.total<1")]
    [InlineData("proactive.administrativeFees.amount>0.5")]
    [InlineData("proactive.administrativeFees.change<0")]
    [InlineData("requests.otherHandling.total>=0")]
    public void EveryReport_PassesExactlyWhenItsParsedFiguresSatisfyEveryCondition(params string[] conditions)
    {
        var parsed = conditions.Select(c => FigureCondition.Parse(c).Condition!).ToList();
        var filters = SearchFilters.None with { Figures = parsed };
        var expected = corpus.FiguresByFile.Where(f => parsed.TrueForAll(c => Holds(c, f.Value))).Select(f => f.Key).Order(StringComparer.Ordinal).ToList();

        var all = corpus.Archive.Searcher.FindAll(null, filters, CancellationToken.None).Select(e => e.FileName).Order(StringComparer.Ordinal).ToList();
        var narrowed = corpus.Archive.Searcher.FindAll("公安局", filters, CancellationToken.None).Select(e => e.FileName).ToHashSet(StringComparer.Ordinal);
        var queryOnly = corpus.Archive.Searcher.FindAll("公安局", SearchFilters.None, CancellationToken.None).Select(e => e.FileName);

        Assert.Equal(expected, all);
        Assert.Equal(queryOnly.Where(expected.Contains).ToHashSet(StringComparer.Ordinal), narrowed);
    }

    [Fact]
    public async Task ACachedFigureColumn_IsReadAgainAfterTheArchiveChanges()
    {
        using var archive = await TemporaryArchive.WithSeedsAsync();
        var filters = SearchFilters.None with { Figures = [FigureCondition.Parse("requests.new.total>=0").Condition!] };
        var before = archive.Searcher.FindAll(null, filters, CancellationToken.None);
        Assert.True(archive.Store.Delete(before[0].Id));

        var after = archive.Searcher.FindAll(null, filters, CancellationToken.None);

        Assert.Equal(before.Skip(1).Select(e => e.Id), after.Select(e => e.Id));
    }

    private static bool Holds(FigureCondition condition, IReadOnlyDictionary<string, decimal?> figures) =>
        figures.GetValueOrDefault(condition.Key) is { } value && condition.Operator switch
        {
            ">" => value > condition.Value,
            ">=" => value >= condition.Value,
            "<" => value < condition.Value,
            "<=" => value <= condition.Value,
            _ => value == condition.Value,
        };
}
