using ReportArchive.Corpus.Reports;
using ReportArchive.Search;
using ReportArchive.Search.Catalog;
using ReportArchive.Tests.Fixtures;
using ReportArchive.Tests.TextIndex;

namespace ReportArchive.Tests.Search.Catalog;

public sealed class SegmentCatalogIndexesTests
{
    private static readonly List<IndexedText> Texts = IndexedText.Generated(10, seed: 11); // ids 1 … 10

    [Fact]
    public void For_MapsEachReportOfASegmentToItsCatalogIndex_AndADeletedOneToMinusOne()
    {
        var segment = IndexedText.Segments(Texts, 10)[0];
        var indexes = new SegmentCatalogIndexes();

        Assert.Equal(Enumerable.Range(0, 10), indexes.For(Catalog(1, Texts.Select(t => t.Id)))(segment));
        var withoutFour = Catalog(2, Texts.Select(t => t.Id).Where(id => id != 4));
        Assert.Equal([0, 1, 2, -1, 3, 4, 5, 6, 7, 8], indexes.For(withoutFour)(segment));
    }

    [Fact]
    public void For_ANewerCatalogThatOnlyAppended_KeepsTheMapsBuilt_AndOneThatDeleted_BuildsThemAgain()
    {
        var segment = IndexedText.Segments(Texts, 10)[0];
        var indexes = new SegmentCatalogIndexes();
        var first = indexes.For(Catalog(1, Texts.Select(t => t.Id)))(segment);

        var appended = indexes.For(Catalog(2, Texts.Select(t => t.Id).Append(11)))(segment);
        var afterDeletion = indexes.For(Catalog(3, Texts.Select(t => t.Id).Where(id => id != 1).Append(11)))(segment);

        Assert.Same(first, appended);
        Assert.Equal([-1, 0, 1, 2, 3, 4, 5, 6, 7, 8], afterDeletion);
    }

    [Fact]
    public async Task Search_AfterAReportIsDeleted_ReturnsTheOthersWithTheirOwnEntries()
    {
        using var archive = await TemporaryArchive.WithSeedsAsync();
        var before = archive.Search("公开").Hits.OrderBy(h => h.Id).ToList();
        Assert.True(archive.Store.Delete(before[1].Id));

        var after = archive.Search("公开").Hits.OrderBy(h => h.Id).ToList();

        Assert.Equal(before.Where((_, i) => i != 1).Select(h => (h.Id, h.FileName)), after.Select(h => (h.Id, h.FileName)));
    }

    [Fact]
    public async Task SearchesDuringUploadsAndDeletions_ShowOnlyReportsThatContainTheTerm_WithTheirPassages()
    {
        using var archive = await TemporaryArchive.WithSeedsAsync();
        var reports = new ReportCorpusGenerator(seed: 9).Generate(60).ToList();
        const string term = "热线"; // in about a third of the generated reports
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            var searches = 0;
            while (!stop.IsCancellationRequested)
            {
                // texts are read in the search's view too: a report deleted since still shows its passage
                AssertEveryHitContains(archive.Search(term).Hits);

                searches++;
            }

            return searches;
        })).ToList();

        var folder = Directory.CreateDirectory(Path.Combine(archive.DataDirectory, "uploads")).FullName;
        var ids = new List<long>();
        foreach (var (report, i) in reports.Select((r, i) => (r, i)))
        {
            var file = Path.Combine(folder, report.FileName);
            await File.WriteAllTextAsync(file, report.Text);
            ids.Add((await archive.Importer.ImportAsync([file], null, CancellationToken.None)).Imported.Single().Id);
            AssertEveryHitContains(archive.Search(term, pageSize: 100).Hits);
            if (i % 3 == 2)
            {
                // an older report: every later one moves down a catalog index, the catalog is no longer a prefix
                Assert.True(archive.Store.Delete(ids[i - 2]));
                AssertEveryHitContains(archive.Search(term, pageSize: 100).Hits);
            }
        }

        await stop.CancelAsync();
        Assert.All(await Task.WhenAll(readers), searches => Assert.True(searches > 0));
        Assert.InRange(archive.Search(term).Total, 1, archive.Search(null).Total - 1); // the term is in some reports, not all
    }

    /// <summary>A map from a segment to the wrong catalog entries would show a report without the term: no marked passage.</summary>
    private static void AssertEveryHitContains(IReadOnlyList<SearchHit> hits) =>
        Assert.All(hits, hit => Assert.Contains(hit.Snippets, s => s.Contains("<mark>", StringComparison.Ordinal)));

    private static CatalogSnapshot Catalog(long generation, IEnumerable<long> ids) =>
        new(generation, [.. ids.Select(id => new CatalogEntry(id, $"{id}.txt", null, null, 2021, null, null, null, null, null, [], 0))]);
}
