using ReportArchive.Corpus.Reports;
using ReportArchive.Search;
using ReportArchive.Tests.Fixtures;

namespace ReportArchive.Tests.Search;

/// <summary>2,000 generated reports imported once for the paging tests (read-only: the tests that write make their own archive).</summary>
public sealed class PagingCorpusFixture : IAsyncLifetime
{
    public const int Reports = 2000;

    internal TemporaryArchive Archive { get; } = new();

    public async Task InitializeAsync() => await PagingCorpus.ImportAsync(Archive, seed: 16, Reports);

    public Task DisposeAsync()
    {
        Archive.Dispose();
        return Task.CompletedTask;
    }
}

internal static class PagingCorpus
{
    public static async Task<IReadOnlyList<long>> ImportAsync(TemporaryArchive archive, int seed, int count, string? folderName = null)
    {
        var folder = Directory.CreateDirectory(Path.Combine(archive.DataDirectory, folderName ?? $"corpus-{seed}")).FullName;
        foreach (var report in new ReportCorpusGenerator(seed).Generate(count))
        {
            await File.WriteAllTextAsync(Path.Combine(folder, report.FileName), report.Text);
        }

        var summary = await archive.Importer.ImportAsync([folder], null, CancellationToken.None);
        Assert.Empty(summary.Failed);
        return summary.Imported.Select(f => f.Id).ToList();
    }

    /// <summary>Every page 1…⌈total/size⌉ by page number: the hits in order.</summary>
    public static List<SearchHit> ByPageNumber(Searcher searcher, SearchRequest request)
    {
        var first = searcher.Search(request with { Page = 1 }, CancellationToken.None);
        var hits = new List<SearchHit>(first.Hits);
        var pages = (int)Math.Ceiling(first.Total / (double)request.PageSize);
        for (var page = 2; page <= pages; page++)
        {
            var result = searcher.Search(request with { Page = page }, CancellationToken.None);
            Assert.Equal(page, result.Page);
            Assert.Equal(first.Total, result.Total);
            hits.AddRange(result.Hits);
        }

        Assert.Null(searcher.Search(request with { Page = Math.Max(1, pages) }, CancellationToken.None).Next);
        return hits;
    }

    /// <summary>Every page from the first by following <c>next</c>; <paramref name="between"/> runs after each page.</summary>
    public static List<SearchHit> ByCursor(Searcher searcher, SearchRequest request, Action<int>? between = null)
    {
        var hits = new List<SearchHit>();
        var result = searcher.Search(request with { Page = 1, After = null }, CancellationToken.None);
        for (var page = 1; ; page++)
        {
            Assert.Equal(page, result.Page);
            Assert.True(result.Hits.Count == request.PageSize || result.Next is null, $"page {page}: {result.Hits.Count} hits and a next token");
            hits.AddRange(result.Hits);
            if (result.Next is null)
            {
                return hits;
            }

            between?.Invoke(page);
            result = searcher.Search(request with { After = result.Next }, CancellationToken.None);
        }
    }

    public static SearchFilters Filters(int? year = null, string? province = null) => SearchFilters.None with
    {
        Years = year is { } y ? [new YearRange(y, y)] : [],
        Provinces = province is null ? [] : [province],
    };
}

/// <summary>
/// One total order per search: collecting every page — by page number at page sizes 1, 7, 20 and 100, or by the
/// <c>next</c> cursor — gives every match exactly once, in the same order whatever the page size, for common terms
/// (in every report), rare ones, filters, browsing and every sort; and a cursor walk while reports are imported and
/// deleted sees every report present throughout exactly once.
/// </summary>
public sealed class ResultPagingTests(PagingCorpusFixture corpus) : IClassFixture<PagingCorpusFixture>
{
    private Searcher Searcher => corpus.Archive.Searcher;

    public static TheoryData<string?, int?, string?, string?> Searches()
    {
        var data = new TheoryData<string?, int?, string?, string?>();
        var searches = new (string? Query, int? Year, string? Province)[]
        {
            ("行政诉讼", null, null), ("复议", null, null), ("卫生健康", null, null), ("萝北县", null, null),
            ("行政诉讼 -郑州", null, null), ("行政诉讼", 2021, null), ("公开", null, "河南省"), (null, null, null), (null, 2022, null),
        };
        foreach (var (query, year, province) in searches)
        {
            foreach (var sort in new string?[] { null, "relevance", "year", "-year", "id" })
            {
                data.Add(query, year, province, sort);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Searches))]
    public void EveryPageSize_AndTheCursor_GiveEveryMatchOnce_InOneOrder(string? query, int? year, string? province, string? sort)
    {
        var filters = PagingCorpus.Filters(year, province);
        var expected = Searcher.FindAll(query, filters, CancellationToken.None).Select(e => e.Id).Order().ToList();
        Assert.NotEmpty(expected);
        var request = new SearchRequest(query, filters, Sort: sort is null ? null : SearchSort.Parse(sort));

        var order = PagingCorpus.ByPageNumber(Searcher, request with { PageSize = 100 });
        Assert.Equal(expected, order.Select(h => h.Id).Order());
        AssertSorted(order, SearchSort.Effective(request.Sort, hasQuery: query is not null));
        foreach (var size in new[] { 7, 20 })
        {
            Assert.Equal(order.Select(h => h.Id), PagingCorpus.ByPageNumber(Searcher, request with { PageSize = size }).Select(h => h.Id));
        }

        foreach (var size in new[] { 7, 20, 100 })
        {
            Assert.Equal(order.Select(h => h.Id), PagingCorpus.ByCursor(Searcher, request with { PageSize = size }).Select(h => h.Id));
        }

        if (expected.Count <= 200)
        {
            Assert.Equal(order.Select(h => h.Id), PagingCorpus.ByPageNumber(Searcher, request with { PageSize = 1 }).Select(h => h.Id));
            Assert.Equal(order.Select(h => h.Id), PagingCorpus.ByCursor(Searcher, request with { PageSize = 1 }).Select(h => h.Id));
        }
    }

    [Theory]
    [InlineData("行政诉讼")]
    [InlineData("复议")]
    public void PageSizeOne_OverEveryReport_GivesEachOnce(string query)
    {
        var request = new SearchRequest(query, SearchFilters.None, PageSize: 1);
        var all = Searcher.FindAll(query, SearchFilters.None, CancellationToken.None).Select(e => e.Id).Order().ToList();
        Assert.Equal(PagingCorpusFixture.Reports, all.Count);

        var byPage = PagingCorpus.ByPageNumber(Searcher, request).ConvertAll(h => h.Id);
        var byCursor = PagingCorpus.ByCursor(Searcher, request).ConvertAll(h => h.Id);

        Assert.Equal(all, byPage.Order());
        Assert.Equal(byPage, byCursor);
        Assert.Equal(byPage, PagingCorpus.ByCursor(Searcher, request with { PageSize = 100 }).Select(h => h.Id));
    }

    [Fact]
    public void Relevance_ReRanksAFixedWindow_ThenFollowsBm25()
    {
        var order = PagingCorpus.ByPageNumber(Searcher, new SearchRequest("行政诉讼 政务公开", SearchFilters.None, PageSize: 100));
        var tail = order.Skip(ResultOrder.RescoreWindow).ToList();
        Assert.NotEmpty(tail);
        Assert.All(tail.Zip(tail.Skip(1)), pair => Assert.True(
            pair.First.Score > pair.Second.Score || (pair.First.Score == pair.Second.Score && pair.First.Id < pair.Second.Id),
            $"{pair.First.Id} ({pair.First.Score}) before {pair.Second.Id} ({pair.Second.Score})"));
        // the window holds the best 40 by BM25, whatever their order inside it
        Assert.True(order.Take(ResultOrder.RescoreWindow).Min(h => h.Score) >= tail[0].Score);
    }

    [Fact]
    public void Page_IsTheSameSliceWhateverWasAskedBefore()
    {
        var request = new SearchRequest("行政诉讼", SearchFilters.None, Page: 3, PageSize: 20);
        var third = Searcher.Search(request, CancellationToken.None).Hits.Select(h => h.Id).ToList();
        _ = Searcher.Search(request with { Page = 50 }, CancellationToken.None);
        Assert.Equal(third, Searcher.Search(request, CancellationToken.None).Hits.Select(h => h.Id));
        Assert.Equal(third, PagingCorpus.ByPageNumber(Searcher, request with { PageSize = 20 }).Skip(40).Take(20).Select(h => h.Id));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    [InlineData("")]
    public void MalformedToken_IsRefused(string token)
    {
        Assert.Throws<InvalidCursorException>(() => Searcher.Search(new SearchRequest("行政诉讼", SearchFilters.None, After: token), CancellationToken.None));
    }

    [Fact]
    public void TokenOfAnotherSearch_IsRefused_AndATamperedOneToo()
    {
        var next = Searcher.Search(new SearchRequest("行政诉讼", SearchFilters.None), CancellationToken.None).Next!;
        Assert.Throws<InvalidCursorException>(() => Searcher.Search(new SearchRequest("复议", SearchFilters.None, After: next), CancellationToken.None));
        Assert.Throws<InvalidCursorException>(() => Searcher.Search(new SearchRequest("行政诉讼", PagingCorpus.Filters(year: 2021), After: next), CancellationToken.None));
        Assert.Throws<InvalidCursorException>(() => Searcher.Search(new SearchRequest("行政诉讼", SearchFilters.None, Sort: SearchSort.Id, After: next), CancellationToken.None));
        var tampered = (next[5] == 'A' ? 'B' : 'A') + "";
        Assert.Throws<InvalidCursorException>(() => Searcher.Search(new SearchRequest("行政诉讼", SearchFilters.None, After: next[..5] + tampered + next[6..]), CancellationToken.None));
        Assert.Equal(2, Searcher.Search(new SearchRequest("行政诉讼", SearchFilters.None, After: next), CancellationToken.None).Page);
    }

    [Theory]
    [InlineData("行政诉讼", "relevance")] // without the first page's statistics in the token, these two repeat and lose reports
    [InlineData("复议 OR 诉讼", "relevance")]
    [InlineData("行政诉讼", "year")]
    [InlineData(null, "-year")]
    public async Task CursorWalk_WhileReportsAreImportedAndDeleted_SeesEveryReportPresentThroughoutOnce(string? query, string sort)
    {
        using var archive = new TemporaryArchive();
        var initial = await PagingCorpus.ImportAsync(archive, seed: 16, 600);
        var added = new List<long>();
        var deleted = new List<long>();
        var random = new Random(16);
        var newcomers = new ReportCorpusGenerator(seed: 99).Generate(60).ToList();
        var request = new SearchRequest(query, SearchFilters.None, PageSize: 20, Sort: SearchSort.Parse(sort));
        var present = archive.Searcher.FindAll(query, SearchFilters.None, CancellationToken.None).Select(e => e.Id).ToHashSet();

        var seen = PagingCorpus.ByCursor(archive.Searcher, request, page =>
        {
            // between every two pages: two reports arrive (scores of every report move: N, df and the average lengths
            // change) and one that matched goes
            for (var i = 0; i < 2 && page * 2 + i < newcomers.Count; i++)
            {
                var report = newcomers[page * 2 + i];
                var folder = Directory.CreateDirectory(Path.Combine(archive.DataDirectory, $"new-{page}-{i}")).FullName;
                File.WriteAllText(Path.Combine(folder, report.FileName), report.Text);
                added.AddRange(Task.Run(() => archive.Importer.ImportAsync([folder], null, CancellationToken.None)).GetAwaiter().GetResult().Imported.Select(f => f.Id));
            }

            var victim = initial[random.Next(initial.Count)];
            if (archive.Store.Delete(victim))
            {
                deleted.Add(victim);
            }
        }).ConvertAll(h => h.Id);

        Assert.NotEmpty(added);
        Assert.NotEmpty(deleted);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        var throughout = present.Except(deleted).ToList();
        Assert.Empty(throughout.Except(seen));
        Assert.All(seen, id => Assert.True(present.Contains(id) || added.Contains(id), $"{id} was never a match"));
    }

    private static void AssertSorted(List<SearchHit> hits, SearchSort sort)
    {
        var pairs = hits.Zip(hits.Skip(1)).ToList();
        if (sort == SearchSort.Id)
        {
            Assert.All(pairs, p => Assert.True(p.First.Id < p.Second.Id));
        }
        else if (sort == SearchSort.Year)
        {
            Assert.All(pairs, p => Assert.True(
                (p.First.Year ?? int.MaxValue) < (p.Second.Year ?? int.MaxValue) || (p.First.Year == p.Second.Year && p.First.Id < p.Second.Id)));
        }
        else if (sort == SearchSort.YearDescending)
        {
            Assert.All(pairs, p => Assert.True(
                (p.First.Year ?? int.MinValue) > (p.Second.Year ?? int.MinValue) || (p.First.Year == p.Second.Year && p.First.Id > p.Second.Id)));
        }
    }
}
