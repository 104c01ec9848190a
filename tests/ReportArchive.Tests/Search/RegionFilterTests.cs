using ReportArchive.Regions;
using ReportArchive.Search;
using ReportArchive.Search.Facets;
using ReportArchive.Testing;
using ReportArchive.Tests.Fixtures;

namespace ReportArchive.Tests.Search;

/// <summary>
/// Region filters over an archive where district names repeat (<see cref="RepeatedDistrictReports"/>): a division
/// code selects exactly that division, a name selects the one division it names within the co-given parents and is
/// refused, listing the candidates, when it names several; the region tree applies every filter but its own.
/// </summary>
public sealed class RegionFilterTests : IAsyncLifetime
{
    private TemporaryArchive _archive = null!;

    public async Task InitializeAsync() => _archive = await WithRepeatedDistrictsAsync();

    public Task DisposeAsync()
    {
        _archive.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("320302")] // 徐州市鼓楼区
    [InlineData("320106")] // 南京市鼓楼区
    [InlineData("350102")] // 福州市鼓楼区
    [InlineData("410204")] // 开封市鼓楼区
    [InlineData("3203")] // 徐州市: its two districts and the city's own bureau
    [InlineData("32")] // 江苏省: 徐州 and 南京
    [InlineData("110101")] // 北京市东城区, a district of a municipality
    [InlineData("11")]
    public void ACode_SelectsExactlyThatDivisionAndWhatLiesBelowIt(string code)
    {
        var result = Browse(SearchFilters.None with { Regions = [code] });

        var expected = RepeatedDistrictReports.Reports.Where(r => r.Code.StartsWith(code, StringComparison.Ordinal)).Select(r => r.Agency).Order();
        Assert.Equal(expected, result.Hits.Select(h => h.Agency!).Order());
        Assert.Equal(RepeatedDistrictReports.CountWithin(code), result.Total);
    }

    [Fact]
    public void RepeatedCodes_AreAlternatives()
    {
        var result = Browse(SearchFilters.None with { Regions = ["320302", "410204"] });

        Assert.Equal(4, result.Total);
        Assert.All(result.Hits, h => Assert.Contains(h.City, (string?[])["徐州市", "开封市"]));
    }

    [Theory]
    [InlineData(new[] { "徐州市" }, new[] { "鼓楼区" }, new string[0], 3)] // 徐州市's 鼓楼区 only
    [InlineData(new[] { "福州市" }, new[] { "鼓楼区" }, new string[0], 2)]
    [InlineData(new string[0], new[] { "鼓楼区" }, new[] { "河南省" }, 1)] // 河南省 has one 鼓楼区: 开封市's
    [InlineData(new string[0], new[] { "东城区" }, new string[0], 1)] // a name only one division has
    [InlineData(new[] { "徐州市" }, new string[0], new[] { "江苏省" }, 5)]
    [InlineData(new[] { "杭州市" }, new[] { "鼓楼区" }, new string[0], 0)] // no 鼓楼区 in 杭州市: selects nothing
    public void AName_MadeUnambiguousByACoGivenParent_SelectsOnlyThatDivision(string[] cities, string[] counties, string[] provinces, int total)
    {
        var filters = SearchFilters.None with { Provinces = provinces, Cities = cities, Counties = counties };
        Assert.Empty(RegionSelection.Of(filters).Problems);

        var result = Browse(filters);

        Assert.Equal(total, result.Total);
        if (cities.Length > 0)
        {
            Assert.All(result.Hits, h => Assert.Equal(cities[0], h.City));
        }
    }

    [Fact]
    public void AnAmbiguousCountyName_IsAProblemListingEveryCandidateWithItsCodeAndFullName()
    {
        var selection = RegionSelection.Of(SearchFilters.None with { Counties = ["鼓楼区"] });

        var problem = Assert.Single(selection.Problems);
        Assert.Equal(RegionSelection.CountyField, problem.Field);
        Assert.Equal("鼓楼区", problem.Value);
        Assert.Equal(
            [new RegionChoice("320106", "江苏省南京市鼓楼区"), new RegionChoice("320302", "江苏省徐州市鼓楼区"),
             new RegionChoice("350102", "福建省福州市鼓楼区"), new RegionChoice("410204", "河南省开封市鼓楼区")],
            problem.Candidates);
        var errors = selection.Errors();
        Assert.Equal(["county"], errors.Keys);
        Assert.Contains("320302 江苏省徐州市鼓楼区", errors["county"]);
        Assert.Contains("region=CODE", errors["county"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void AParentThatLeavesSeveralCandidates_StillListsThem()
    {
        // 江苏省 has two 鼓楼区 (南京市, 徐州市); two cities given leave both of theirs
        foreach (var filters in new[]
        {
            SearchFilters.None with { Provinces = ["江苏省"], Counties = ["鼓楼区"] },
            SearchFilters.None with { Cities = ["徐州市", "南京市"], Counties = ["鼓楼区"] },
            SearchFilters.None with { Provinces = ["江苏省"], Regions = ["鼓楼区"] },
        })
        {
            var problem = Assert.Single(RegionSelection.Of(filters).Problems);
            Assert.Equal(["320106", "320302"], problem.Candidates.Select(c => c.Code));
        }
    }

    [Theory]
    [InlineData("region", "西湖区", new[] { "330106", "360103" })] // a name of two districts
    [InlineData("region", "3299", new string[0])] // no such code
    [InlineData("region", "410", new string[0])] // a prefix that is no division's code
    [InlineData("city", "徐州", new[] { "3203" })] // not an official name: the names beginning with it
    [InlineData("city", "北京市", new[] { "11" })] // a municipality is province-level
    [InlineData("county", "3203", new[] { "3203" })] // a city's code given as a county
    [InlineData("province", "火星省", new string[0])]
    public void AValueThatSelectsNoDivisionUnambiguously_IsAProblem(string field, string value, string[] candidates)
    {
        var filters = field switch
        {
            "region" => SearchFilters.None with { Regions = [value] },
            "city" => SearchFilters.None with { Cities = [value] },
            "county" => SearchFilters.None with { Counties = [value] },
            _ => SearchFilters.None with { Provinces = [value] },
        };

        var problem = Assert.Single(RegionSelection.Of(filters).Problems);

        Assert.Equal(field, problem.Field);
        Assert.Equal(candidates, problem.Candidates.Select(c => c.Code));
        Assert.NotEmpty(problem.Message);
        Assert.Throws<ArgumentException>(() => Browse(filters)); // a search never guesses
    }

    [Fact]
    public void CodesAndNamesTolerateFullWidthDigitsAndSpaces_AndBlankValuesDoNotFilter()
    {
        Assert.Equal(3, Browse(SearchFilters.None with { Regions = ["３２０３０２", " 320302 "] }).Total);
        Assert.Equal(3, Browse(SearchFilters.None with { Cities = ["　徐州市"], Counties = ["鼓楼区 "] }).Total);
        Assert.Equal(RepeatedDistrictReports.Reports.Count, Browse(SearchFilters.None with { Regions = ["", " "], Counties = [""] }).Total);
    }

    [Fact]
    public void TheRegionTree_KeepsTheSiblingsOfASelectedDistrict_WithTheirCounts()
    {
        var result = Browse(SearchFilters.None with { Regions = ["320302"] });

        Assert.Equal(3, result.Total);
        var tree = result.Facets.Regions;
        Assert.Equal(["江苏省:32:7", "福建省:35:2", "北京市:11:1", "江西省:36:1", "河南省:41:1", "浙江省:33:1"], tree.Select(Node));
        var jiangsu = tree.Single(n => n.Code == "32");
        Assert.Equal(["徐州市:3203:5", "南京市:3201:2"], jiangsu.Children.Select(Node));
        Assert.Equal(["鼓楼区:320302:3", "云龙区:320303:1"], jiangsu.Children[0].Children.Select(Node));
        Assert.Equal(["鼓楼区:320106:2"], jiangsu.Children[1].Children.Select(Node));
    }

    [Fact]
    public void TheRegionTree_AppliesEveryOtherFilter()
    {
        var result = Browse(SearchFilters.None with { Years = [new YearRange(2021, 2021)], Provinces = ["江苏省"] });

        Assert.Equal(RepeatedDistrictReports.Reports.Count(r => r.Year == 2021 && r.Code.StartsWith("32", StringComparison.Ordinal)), result.Total);
        var tree = result.Facets.Regions;
        Assert.Contains("福建省:35:1", tree.Select(Node)); // the other provinces stay, counted in 2021
        Assert.Contains("北京市:11:1", tree.Select(Node));
        Assert.DoesNotContain(tree, n => n.Code == "36"); // 南昌市西湖区 reported in 2022 only
        Assert.Equal(["徐州市:3203:3", "南京市:3201:1"], tree.Single(n => n.Code == "32").Children.Select(Node));
        Assert.Contains(new FacetValue("福建省", 1, "35"), result.Facets.Province); // the flat province facet ignores its own filter only
        Assert.Equal(["2021", "2022"], result.Facets.Year.Select(y => y.Value).Order());
    }

    [Fact]
    public void TheRegionTree_ShowsASelectedDivision_EvenWithoutMatches()
    {
        var none = Browse(SearchFilters.None with { Regions = ["320302"], Years = [new YearRange(2019, 2019)] });
        Assert.Equal(0, none.Total);
        var xuzhou = Assert.Single(Assert.Single(none.Facets.Regions).Children);
        Assert.Equal("徐州市:3203:0", Node(xuzhou));
        Assert.Equal("鼓楼区:320302:0", Node(Assert.Single(xuzhou.Children)));

        // a division no report of the archive lies in: named from GB/T 2260, under its parents
        var absent = Browse(SearchFilters.None with { Regions = ["330102"] });
        Assert.Equal(0, absent.Total);
        var zhejiang = absent.Facets.Regions.Single(n => n.Code == "33");
        Assert.Equal(["杭州市:3301:1"], zhejiang.Children.Select(Node));
        Assert.Contains("上城区:330102:0", zhejiang.Children[0].Children.Select(Node));
    }

    [Fact]
    public void TheRegionTree_PutsTheDistrictsOfAMunicipalityUnderIt_AndFacetValuesCarryTheirCodes()
    {
        var result = Browse(SearchFilters.None);

        var beijing = result.Facets.Regions.Single(n => n.Value == "北京市");
        Assert.Equal("北京市:11:1", Node(beijing));
        Assert.Equal(["东城区:110101:1"], beijing.Children.Select(Node));
        Assert.Contains(new FacetValue("江苏省", 7, "32"), result.Facets.Province);
        Assert.Contains(new FacetValue("徐州市", 5, "3203"), result.Facets.City);
        Assert.All(result.Facets.Year, y => Assert.Null(y.Code));
    }

    [Fact]
    public void EveryNodeOfTheTree_SelectsWhatItCounts()
    {
        var tree = Browse(SearchFilters.None).Facets.Regions;
        var nodes = Flatten(tree).ToList();

        Assert.Equal(20, nodes.Count);
        Assert.All(nodes, node => Assert.Equal(node.Count, Browse(SearchFilters.None with { Regions = [node.Code!] }).Total));
    }

    [Fact]
    public void FullName_RunsTheNamesTogetherFromTheProvinceDown()
    {
        var divisions = RegionResolver.Default.Divisions;
        Assert.Equal("江苏省徐州市鼓楼区", RegionSelection.FullName(divisions, divisions.FindByCode("320302")!));
        Assert.Equal("北京市东城区", RegionSelection.FullName(divisions, divisions.FindByCode("110101")!));
    }

    private static async Task<TemporaryArchive> WithRepeatedDistrictsAsync()
    {
        var archive = new TemporaryArchive();
        var corpus = RepeatedDistrictReports.WriteTo(Path.Combine(archive.DataDirectory, "corpus"));
        var summary = await archive.Importer.ImportAsync([corpus], null, CancellationToken.None);
        Assert.Empty(summary.Failed);
        Assert.Equal(RepeatedDistrictReports.Reports.Count, summary.Imported.Count);
        return archive;
    }

    private SearchResult Browse(SearchFilters filters) => _archive.Search(null, filters, pageSize: 100);

    private static string Node(RegionFacetNode node) => $"{node.Value}:{node.Code}:{node.Count}";

    private static IEnumerable<RegionFacetNode> Flatten(IEnumerable<RegionFacetNode> nodes) => nodes.SelectMany(n => Flatten(n.Children).Prepend(n));
}
