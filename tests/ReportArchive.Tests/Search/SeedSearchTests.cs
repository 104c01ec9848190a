using ReportArchive.Analysis.Normalization;
using ReportArchive.Search;
using ReportArchive.Search.Facets;
using ReportArchive.Tests.Fixtures;

namespace ReportArchive.Tests.Search;

/// <summary>Searches over the five seed reports, against what a reader finds in them by eye.</summary>
public sealed class SeedSearchTests : IAsyncLifetime
{
    private TemporaryArchive _archive = null!;

    public async Task InitializeAsync() => _archive = await TemporaryArchive.WithSeedsAsync();

    public Task DisposeAsync()
    {
        _archive.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void Litigation_FindsEverySeed_WithMarkedSnippets()
    {
        var result = _archive.Search("行政诉讼");
        Assert.Equal(5, result.Total);
        Assert.All(result.Hits, hit => Assert.Contains(hit.Snippets, s => s.Contains("<mark>行政诉讼</mark>", StringComparison.Ordinal)));
    }

    [Fact]
    public void Zhengzhou_FindsOnlyTheZhengzhouReport()
    {
        var result = _archive.Search("郑州");
        var hit = Assert.Single(result.Hits);
        Assert.Equal(2021, hit.Year);
        Assert.Equal("郑州市工业和信息化局", hit.Agency);
    }

    [Fact]
    public void YearFilter_Narrows_AndTheYearFacetCountsAllYears()
    {
        Assert.Equal(3, _archive.Search("公开", Filters(years: [new YearRange(2021, 2021)])).Total);
        var facets = _archive.Search("公开").Facets;
        Assert.Equal([new FacetValue("2021", 3), new FacetValue("2020", 1), new FacetValue("2023", 1)], facets.Year);
    }

    [Fact]
    public void RepeatedYears_AreAlternatives_AndRangesWork()
    {
        Assert.Equal(2, _archive.Search("行政诉讼", Filters(years: [new YearRange(2020, 2020), new YearRange(2023, 2023)])).Total);
        Assert.Equal(4, _archive.Search("行政诉讼", Filters(years: [new YearRange(2020, 2021)])).Total);
    }

    [Fact]
    public void FacetOfTheFilteredField_StillShowsTheOtherValues()
    {
        var result = _archive.Search("公开", Filters(years: [new YearRange(2020, 2020)]));
        Assert.Equal(1, result.Total);
        Assert.Equal([new FacetValue("2021", 3), new FacetValue("2020", 1), new FacetValue("2023", 1)], result.Facets.Year);
        Assert.Equal([new FacetValue(SearchFilters.ChecksPassed, 1)], result.Facets.Checks.Where(f => f.Value == SearchFilters.ChecksPassed && f.Count == 1).ToList());
    }

    [Fact]
    public void ChecksFacet_SeparatesTheReportWhoseFiguresDisagree()
    {
        var result = _archive.Search("");
        Assert.Contains(new FacetValue(SearchFilters.ChecksFailed, 1), result.Facets.Checks);
        var failed = _archive.Search("", Filters(checks: [SearchFilters.ChecksFailed]));
        Assert.Equal("郑州市工业和信息化局", Assert.Single(failed.Hits).Agency);
        Assert.True(failed.Hits[0].ChecksFailed > 0);
    }

    [Fact]
    public void ProvinceFilter_ReturnsTheHenanReports()
    {
        var result = _archive.Search("", SearchFilters.None with { Provinces = ["河南省"] });
        Assert.Equal(["灋河回族区科技和工业信息化局", "郑州市工业和信息化局"], result.Hits.Select(h => h.Agency!).ToArray());
    }

    [Theory]
    [InlineData("4103", new[] { "002_03dce372dd454866.txt" })]
    [InlineData("41", new[] { "002_03dce372dd454866.txt", "004_a2b6f1dd7f1486f2.txt" })]
    [InlineData("洛阳市", new[] { "002_03dce372dd454866.txt" })]
    [InlineData("瀍河回族区", new[] { "002_03dce372dd454866.txt" })]
    [InlineData("河南省", new[] { "002_03dce372dd454866.txt", "004_a2b6f1dd7f1486f2.txt" })]
    [InlineData("4101", new[] { "004_a2b6f1dd7f1486f2.txt" })]
    [InlineData("410304", new[] { "002_03dce372dd454866.txt" })]
    [InlineData("32", new string[0])]
    public void RegionFilter_TakesADivisionCodeOrAName(string region, string[] files)
    {
        var result = _archive.Search("", SearchFilters.None with { Regions = [region] });
        Assert.Equal(files, result.Hits.Select(h => h.FileName).Order().ToArray());
    }

    [Fact]
    public void RegionFacet_IsAProvinceCityCountyTree()
    {
        var tree = _archive.Search("公开").Facets.Regions;
        Assert.Equal(["河南省:41:2", "宁夏回族自治区:64:1", "山东省:37:1", "黑龙江省:23:1"], tree.Select(n => $"{n.Value}:{n.Code}:{n.Count}").ToArray());
        var henan = tree[0];
        Assert.Equal(["洛阳市:4103:1", "郑州市:4101:1"], henan.Children.Select(n => $"{n.Value}:{n.Code}:{n.Count}").ToArray());
        Assert.Equal("瀍河回族区:410304:1", $"{henan.Children[0].Children[0].Value}:{henan.Children[0].Children[0].Code}:{henan.Children[0].Children[0].Count}");
        Assert.Empty(henan.Children[1].Children);
    }

    [Fact]
    public void AgencyTypeAndLevelFacets_CountMergedBureausUnderEveryType()
    {
        var facets = _archive.Search("").Facets;
        Assert.Equal([new FacetValue("工业和信息化", 5), new FacetValue("科技", 2), new FacetValue("商务", 1)], facets.AgencyType);
        Assert.Equal([new FacetValue("county", 4), new FacetValue("city", 1)], facets.Level);
        Assert.Equal(2, _archive.Search("", SearchFilters.None with { AgencyTypes = ["科技"] }).Total);
    }

    [Theory]
    [InlineData(new[] { "litigationDirect.total>0" }, new[] { "004" })]
    [InlineData(new[] { "requests.new.total>=3" }, new[] { "004" })]
    [InlineData(new[] { "requests.new.total=0" }, new[] { "000", "001", "002", "003" })]
    [InlineData(new[] { "requests.new.total<1", "review.total=0" }, new[] { "000", "001", "002", "003" })]
    [InlineData(new[] { "proactive.normativeDocuments.issued>5", "proactive.administrativePenalty.decisions=8" }, new[] { "004" })]
    [InlineData(new[] { "proactive.otherExternalServices.decisions=0" }, new[] { "001" })]
    [InlineData(new[] { "requests.new.total>3" }, new string[0])]
    public void FigureConditions_AreAndedOverTheStoredFigures(string[] conditions, string[] seeds)
    {
        var filters = SearchFilters.None with { Figures = conditions.Select(c => FigureCondition.Parse(c).Condition!).ToList() };
        var result = _archive.Search("公开", filters);
        Assert.Equal(seeds, result.Hits.Select(h => h.FileName[..3]).Order().ToArray());
    }

    [Theory]
    [InlineData("review.total", "'review.total' is not a figure condition like review.total>0 (operators > >= < <= =)")]
    [InlineData("review.totl>0", "'review.totl' is not a figure key (see docs/figures.md)")]
    [InlineData("review.total>>0", "'review.total>>0' is not a figure condition like review.total>0 (operators > >= < <= =)")]
    public void FigureCondition_RejectsWhatItCannotRead(string text, string error) =>
        Assert.Equal((null, error), FigureCondition.Parse(text));

    [Fact]
    public void EmptyQuery_BrowsesNewestYearFirst()
    {
        var result = _archive.Search(null);
        Assert.Equal(5, result.Total);
        Assert.Equal([2023, 2021, 2021, 2021, 2020], result.Hits.Select(h => h.Year!.Value).ToArray());
        Assert.All(result.Hits, hit => Assert.Single(hit.Snippets));
    }

    [Fact]
    public void Paging_SplitsTheResultsWithoutOverlap()
    {
        var pages = Enumerable.Range(1, 3).Select(p => _archive.Search("公开", page: p, pageSize: 2)).ToList();
        Assert.All(pages, p => Assert.Equal(5, p.Total));
        Assert.Equal([2, 2, 1], pages.Select(p => p.Hits.Count).ToArray());
        Assert.Equal(5, pages.SelectMany(p => p.Hits).Select(h => h.Id).Distinct().Count());
        Assert.Empty(_archive.Search("公开", page: 4, pageSize: 2).Hits);
    }

    [Theory]
    [InlineData("行政诉讼 -郑州", 4)]
    [InlineData("郑州 OR 萝北县", 2)]
    [InlineData("郑州 OR 萝北县 -萝北县", 1)]
    [InlineData("\"依据《政府信息公开信息处理费管理办法》\"", 2)]
    [InlineData("\"结 果 维 持\"", 5)]
    [InlineData("依申请公开 信息处理费", 2)]
    [InlineData("0539", 1)]
    [InlineData("HTTP", 2)]
    [InlineData("訴訟", 5)]
    [InlineData("\"鄭州市\"", 1)]
    public void QuerySyntax_GivesTheExactCount(string query, int total) =>
        Assert.Equal(total, _archive.Search(query).Total);

    [Fact]
    public void Litigation_ReportsDiscussingItInTheirOwnWords_RankAboveTemplateOnlyMentions()
    {
        // 001, 002 and 004 say something about lawsuits; 000 and 003 have 行政诉讼 only in the template's heading,
        // its list of parts and table C.
        var ranked = _archive.Search("行政诉讼").Hits.Select(h => h.FileName[..3]).ToList();
        Assert.Equal(["001", "002", "004"], ranked.Take(3).Order().ToArray());
        Assert.Equal(["000", "003"], ranked.Skip(3).Order().ToArray());
    }

    [Fact]
    public void SplitQuery_FindsEveryReportWithAllWords_AndTheWholePhraseFirst()
    {
        var result = _archive.Search("信息公开申请情况");
        var exact = _archive.Search("\"信息公开申请情况\"");
        Assert.True(result.Total >= exact.Total);
        Assert.Equal(exact.Hits.Select(h => h.Id).Order(), result.Hits.Take(exact.Hits.Count).Select(h => h.Id).Order());
        Assert.Equal(QueryTermKind.Word, result.Query.Terms[0].AnyOf[0].Kind);
    }

    [Fact]
    public void TraditionalQuery_FindsWhatTheSimplifiedOneFinds()
    {
        Assert.Equal(_archive.Search("行政诉讼").Hits.Select(h => h.Id), _archive.Search("行政訴訟").Hits.Select(h => h.Id));
        Assert.Equal(_archive.Search("\"信息公开\"").Total, _archive.Search("\"信息公開\"").Total);
    }

    [Fact]
    public void Abbreviation_AlsoFindsTheFullName()
    {
        var texts = Directory.GetFiles(RepositoryFiles.SeedsDirectory).Select(f => TextNormalizer.NormalizeToString(File.ReadAllText(f))).ToList();
        var expected = texts.Count(t => t.Contains("工信局", StringComparison.Ordinal) || t.Contains("工业和信息化局", StringComparison.Ordinal));
        var result = _archive.Search("工信局");
        Assert.Equal(expected, result.Total);
        Assert.Equal(["工信局", "工业和信息化局"], result.Query.Terms.Single().AnyOf.Select(t => t.Text).ToArray());
        Assert.Equal(expected, _archive.Search("工业和信息化局").Total);
    }

    [Fact]
    public void MatchBrokenOverLines_IsFound_AndHighlightedAcrossTheBreak()
    {
        // seed 001 breaks "没有收到信息公开申请" as "没⏎⏎有收到信息公开申请".
        var result = _archive.Search("\"没有收到信息公开申请\"");
        var hit = Assert.Single(result.Hits);
        Assert.Contains("<mark>没有收到信息公开申请</mark>", hit.Snippets[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("(")]
    [InlineData("NEAR(")]
    [InlineData("a:b")]
    [InlineData("^")]
    [InlineData("-")]
    [InlineData("OR")]
    [InlineData("AND NOT")]
    [InlineData("😀")]
    [InlineData("\0")]
    [InlineData("\"行政\" * OR OR -\"")]
    [InlineData("{col}: \"x\" + y*")]
    public void OddQueries_AreTextToFind_NeverErrors(string query)
    {
        var result = _archive.Search(query);
        Assert.Equal(BruteForceCount(query), result.Total);
    }

    [Fact]
    public void EverySubstringOfTheSeeds_IsFoundExactly()
    {
        // Terms of 1 to 6 characters cut from the normalised seeds at seeded random places, plus mixed punctuation.
        var texts = Directory.GetFiles(RepositoryFiles.SeedsDirectory).Select(f => TextNormalizer.NormalizeToString(File.ReadAllText(f))).ToList();
        var random = new Random(2026);
        for (var i = 0; i < 300; i++)
        {
            var text = texts[random.Next(texts.Count)];
            var length = random.Next(1, 7);
            var start = random.Next(0, text.Length - length);
            var term = text.Substring(start, length);
            if (char.IsSurrogate(term[0]) || char.IsSurrogate(term[^1]) || term.Contains('"', StringComparison.Ordinal))
            {
                continue;
            }

            var query = "\"" + term + "\"";
            Assert.True(BruteForceCount(query) == _archive.Search(query).Total, $"query {query}");
        }
    }

    private int BruteForceCount(string query)
    {
        var parsed = QueryParser.Default.Parse(query);
        return Directory.GetFiles(RepositoryFiles.SeedsDirectory)
            .Count(f => parsed.IsEmpty || parsed.IsMatchedBy(TextNormalizer.NormalizeToString(File.ReadAllText(f))));
    }

    private static SearchFilters Filters(YearRange[]? years = null, string[]? checks = null) =>
        SearchFilters.None with { Years = years ?? [], Checks = checks ?? [] };
}
