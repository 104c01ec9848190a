using ReportArchive.Corpus.Reports;
using ReportArchive.Storage;
using ReportArchive.Tests.Fixtures;

namespace ReportArchive.Tests.Storage;

/// <summary>A figure column read once is extended by the reports added since, never rebuilt and never wrong.</summary>
public sealed class FigureColumnCacheTests
{
    private const string Key = "requests.new.total";

    [Fact]
    public async Task Column_AfterAnUpload_HoldsTheNewReportsValueAndEveryEarlierOne()
    {
        using var archive = await TemporaryArchive.WithSeedsAsync();
        using var connection = archive.Database.OpenConnection();
        var before = archive.Store.FigureColumns.Column(connection, Key);
        var earlier = before.Ids.ToArray().ToDictionary(id => id, id => before.ValueOf(id));

        var report = new ReportCorpusGenerator(seed: 9).Generate(1).Single();
        var folder = Directory.CreateDirectory(Path.Combine(archive.DataDirectory, "one")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, report.FileName), report.Text);
        var imported = (await archive.Importer.ImportAsync([folder], null, CancellationToken.None)).Imported.Single();
        var after = archive.Store.FigureColumns.Column(connection, Key);

        Assert.Equal(before.Count + 1, after.Count);
        Assert.Equal(archive.Store.Get(imported.Id)!.Figures[Key], after.ValueOf(imported.Id));
        Assert.All(earlier, pair => Assert.Equal(pair.Value, after.ValueOf(pair.Key)));
    }

    [Fact]
    public void Append_ToAColumnThatALongerOneExtended_CopiesInsteadOfOverwritingTheLongerOne()
    {
        var shorter = FigureColumn.Empty.Append([(1, 10m), (2, 20m)]);
        var longer = shorter.Append([(3, 30m)]);
        var sibling = shorter.Append([(4, 40m)]); // e.g. a column evicted from the cache and extended again

        Assert.Equal([1L, 2L, 3L], longer.Ids.ToArray());
        Assert.Equal([10m, 20m, 30m], longer.Values.ToArray());
        Assert.Equal([1L, 2L, 4L], sibling.Ids.ToArray());
        Assert.Null(sibling.ValueOf(3));
        Assert.Equal(40m, sibling.ValueOf(4));
    }

    [Fact]
    public void Append_ManyTimes_KeepsEveryValueInIdOrder()
    {
        var column = FigureColumn.Empty;
        for (var id = 1L; id <= 1000; id++)
        {
            column = column.Append([(id, id * 2m)]);
        }

        Assert.Equal(1000, column.Count);
        Assert.Equal(Enumerable.Range(1, 1000).Select(i => (long)i), column.Ids.ToArray());
        Assert.Equal(1234m, column.ValueOf(617));
    }
}
