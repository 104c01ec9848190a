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

    private static CatalogSnapshot Catalog(long generation, IEnumerable<long> ids) =>
        new(generation, [.. ids.Select(id => new CatalogEntry(id, $"{id}.txt", null, null, 2021, null, null, null, null, null, [], 0))]);
}
