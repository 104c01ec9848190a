using System.Text.Json;
using ReportArchive.Analysis.Normalization;
using ReportArchive.Search;
using ReportArchive.Search.Catalog;

namespace ReportArchive.Tests.Search;

/// <summary>
/// Exactness at corpus scale: for each query the total equals a brute-force count over the normalised texts of
/// 1,200 generated reports, whose prose is wrapped inside words as PDF extraction does.
/// </summary>
public sealed class GeneratedCorpusSearchTests(GeneratedCorpusFixture corpus) : IClassFixture<GeneratedCorpusFixture>
{
    public static TheoryData<string> SingleTerms => new()
    {
        "公", "诉", "郑州", "诉讼", "行政诉讼", "依申请公开", "政务新媒体", "信息处理费", "三安全一稳定", "河东区",
        "天津市河东区", "临沂市", "工信局", "卫健委", "2021年", "1年1月", "0539", "12345", "100%", "我局认真贯彻",
        "正确领导下", "年政府信息公开", "锡林郭勒盟", "浦东新区财政局", "总计", "结果维持",
    };

    [Theory]
    [MemberData(nameof(SingleTerms))]
    public void QuotedTerm_TotalEqualsBruteForce(string term)
    {
        var expected = corpus.NormalizedTexts.Count(t => t.Contains(TextNormalizer.NormalizeToString(term), StringComparison.Ordinal));
        Assert.Equal(expected, corpus.Archive.Search("\"" + term + "\"").Total);
    }

    [Theory]
    [MemberData(nameof(SingleTerms))]
    public void UnquotedTerm_FindsEveryReportContainingIt_AndThoseRankFirst(string term)
    {
        // Unquoted terms are understood (split into words, synonyms added): recall against the exact oracle stays 1.0,
        // and the reports containing the typed string come first.
        var normalized = TextNormalizer.NormalizeToString(term);
        var expected = corpus.NormalizedTexts.Count(t => t.Contains(normalized, StringComparison.Ordinal));
        var result = corpus.Archive.Search(term, pageSize: 100);
        Assert.True(result.Total >= expected, $"{term}: {result.Total} < {expected}");
        var query = QueryParser.Default.Parse(term);
        if (query.Phrases.Count > 0)
        {
            var top = result.Hits.Take(Math.Min(expected, 100)).Select(h => h.Id).ToList();
            var texts = corpus.Archive.Store.GetTexts(top);
            Assert.All(top, id => Assert.Contains(normalized, TextNormalizer.NormalizeToString(texts[id]), StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("\"先审后发，确保\"")]
    [InlineData("\"“以公开为常态、不公开为例外”\"")]
    [InlineData("\"0539-\"")]
    [InlineData("\"，\"")]
    public void QuotedStringWithPunctuation_TotalEqualsBruteForce(string query)
    {
        var term = TextNormalizer.NormalizeToString(query.Trim('"'));
        var expected = corpus.NormalizedTexts.Count(t => t.Contains(term, StringComparison.Ordinal));
        Assert.Equal(expected, corpus.Archive.Search(query).Total);
    }

    [Theory]
    [InlineData("行政诉讼 郑州", new[] { "行政诉讼", "郑州" }, new string[0], false)]
    [InlineData("河东区 0539", new[] { "河东区", "0539" }, new string[0], false)]
    [InlineData("河东区 -0539", new[] { "河东区" }, new[] { "0539" }, false)]
    [InlineData("郑州 OR 天门", new[] { "郑州", "天门" }, new string[0], true)]
    public void BooleanQuery_TotalEqualsBruteForce(string query, string[] terms, string[] excluded, bool any)
    {
        var expected = corpus.NormalizedTexts.Count(t =>
            (any ? terms.Any(x => t.Contains(x, StringComparison.Ordinal)) : terms.All(x => t.Contains(x, StringComparison.Ordinal)))
            && !excluded.Any(x => t.Contains(x, StringComparison.Ordinal)));
        Assert.True(expected > 0, "a query worth asking finds something");
        Assert.Equal(expected, corpus.Archive.Search(query).Total);
    }

    [Fact]
    public void Search_GivesTheSameResults_WithTextsAndCountsKeptBetweenSearches_AsWithout()
    {
        // The searcher keeps texts, match tiers, whole-catalog facet counts and the index snapshot between searches;
        // a searcher that keeps no text answers each search from scratch. Same hits, order, scores, snippets, totals
        // and facets, on the first search and on repeats (the facet counts by subtraction have their own tests).
        var store = corpus.Archive.Store;
        var keeping = new Searcher(store, new ReportCatalog(store));
        var fresh = new Searcher(store, new ReportCatalog(store), textCacheBytes: 0);
        var year = SearchFilters.None with { Years = [new YearRange(2021, 2021)] };
        var requests = new List<SearchRequest>();
        foreach (var (query, filters) in new (string?, SearchFilters)[]
        {
            ("公开", SearchFilters.None), ("行政诉讼", SearchFilters.None), ("行政诉讼", year), ("郑州", SearchFilters.None),
            ("郑州 行政诉讼", SearchFilters.None), ("政务新媒体 OR 公众号", year), ("诉讼 -郑州", SearchFilters.None),
            ("\"谁公开、谁审查、谁负责\"", SearchFilters.None), (null, SearchFilters.None), (null, year),
        })
        {
            requests.AddRange(Enumerable.Range(1, 3).Select(page => new SearchRequest(query, filters, page)));
        }

        for (var round = 0; round < 2; round++)
        {
            foreach (var request in requests)
            {
                Assert.Equal(Describe(fresh.Search(request, CancellationToken.None)), Describe(keeping.Search(request, CancellationToken.None)));
            }
        }

        static string Describe(SearchResult result) => JsonSerializer.Serialize(new { result.Total, result.Hits, result.Facets, result.Query });
    }

    [Fact]
    public void WordsWrappedAcrossLines_AreFound()
    {
        // The generator wraps prose at 24-45 characters, so many occurrences are broken by line breaks.
        var result = corpus.Archive.Search("依申请公开");
        Assert.True(result.Total > 100);
        Assert.All(result.Hits, hit => Assert.Contains("<mark>", hit.Snippets[0], StringComparison.Ordinal));
    }
}
