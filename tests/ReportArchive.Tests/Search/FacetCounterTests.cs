using System.Globalization;
using ReportArchive.Regions;
using ReportArchive.Search;
using ReportArchive.Search.Catalog;
using ReportArchive.Search.Facets;

namespace ReportArchive.Tests.Search;

/// <summary>
/// The column-based facet counts and result order mean exactly what the per-entry definition says: a facet counts
/// the matches that pass every filter but its own (<see cref="FilterEvaluator.Passes"/> with that field ignored), and
/// the top of the order is the full order cut short.
/// </summary>
public sealed class FacetCounterTests
{
    private static readonly AdministrativeDivisions Divisions = RegionResolver.Default.Divisions;

    /// <summary>The regions of the random reports: four 鼓楼区 in four cities, a municipality's district, whole cities and provinces.</summary>
    private static readonly string[] Places = ["320302", "320106", "350102", "410204", "410304", "110101", "110105", "3203", "3501", "4102", "32", "41", "11"];

    /// <summary>Region filter values: codes of every level and names, unambiguous alone (鼓楼区 is given with a city or a code).</summary>
    private static readonly string[] RegionValues = ["32", "3203", "320302", "350102", "11", "410304", "洛阳市", "瀍河回族区", "河南省"];

    private static readonly string[] Types = ["公安", "教育", "财政", "审计"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Count_EqualsThePerEntryDefinition_ForRandomCatalogsAndFilters(int seed)
    {
        var random = new Random(seed);
        var entries = Enumerable.Range(0, 400).Select(i => RandomEntry(random, i * 3 + 1)).ToArray();
        var catalog = new CatalogSnapshot(1, entries);
        var matches = Enumerable.Range(0, entries.Length).Where(_ => random.Next(3) > 0).ToArray();
        for (var round = 0; round < 20; round++)
        {
            var filters = RandomFilters(random);
            var facets = FacetCounter.Count(catalog, matches, new CatalogFilter(catalog, filters));
            var matched = matches.Select(i => entries[i]).ToList();

            Assert.Equal(Expected(matched, filters, FacetField.Year, e => e.Year is { } y ? [y.ToString(CultureInfo.InvariantCulture)] : []), facets.Year);
            Assert.Equal(Expected(matched, filters, FacetField.Province, e => e.Province is { } p ? [p] : [], e => e.RegionCode![..2]), facets.Province);
            Assert.Equal(Expected(matched, filters, FacetField.City, e => e.City is { } c ? [c] : [], e => e.RegionCode![..4]), facets.City);
            Assert.Equal(Expected(matched, filters, FacetField.AgencyType, e => e.AgencyTypes), facets.AgencyType);
            Assert.Equal(Expected(matched, filters, FacetField.Level, e => e.Level is { } l ? [l] : []), facets.Level);
            Assert.Equal(Expected(matched, filters, FacetField.Checks, e => [FilterEvaluator.ChecksValue(e)]), facets.Checks);
            Assert.Equal(
                Flatten(RegionTree.Build(matched.Where(e => FilterEvaluator.PassesAllButRegions(e, filters)))),
                Flatten(facets.Regions));
            Assert.All(RegionSelection.Of(filters).Divisions, d => Assert.Contains(d.Code, Codes(facets.Regions)));
        }
    }

    [Theory]
    [InlineData(21, 0.05)]
    [InlineData(22, 0.5)]
    [InlineData(23, 0.51)]
    [InlineData(24, 0.9)]
    [InlineData(25, 1.0)]
    public void Tally_OfMostOfTheCatalog_ByTheRestSubtracted_EqualsCountingTheMatches(int seed, double density)
    {
        var random = new Random(seed);
        var entries = Enumerable.Range(0, 500).Select(i => RandomEntry(random, i * 2 + 1)).ToArray();
        var catalog = new CatalogSnapshot(1, entries);
        var wholeCatalog = new WholeCatalogTallies();
        for (var round = 0; round < 20; round++)
        {
            var matches = Enumerable.Range(0, entries.Length).Where(_ => random.NextDouble() < density).ToArray();
            var filters = round % 4 == 0 ? SearchFilters.None : RandomFilters(random);
            var filter = new CatalogFilter(catalog, filters);

            var direct = FacetTally.Count(catalog, matches, filter);
            var chosen = FacetCounter.Tally(catalog, matches, filters, filter, wholeCatalog);
            var byRest = wholeCatalog.Get(catalog, filters, filter).Minus(FacetTally.CountOthers(catalog, matches, filter));

            foreach (var tally in (FacetTally[])[chosen, byRest])
            {
                AssertSameFacets(direct.ToFacets(catalog), tally.ToFacets(catalog));
                Assert.Equal(direct.Passing, tally.Passing);
                Assert.Equal(matches.Count(i => FilterEvaluator.Passes(entries[i], filters)), tally.Passing);
            }
        }
    }

    /// <summary>
    /// Archive sizes and match sets around every power of two (the array pool hands out 16, 32, 64 … slots): the
    /// counts of the reports outside a match set, and the facets of the matches, are those of a naive count, whether
    /// the newest report matches or not. The reports outside the set numbering exactly 16, 32, 64 … with the newest
    /// matching used to write past the pooled buffer (an IndexOutOfRangeException, a 500 on ordinary searches).
    /// </summary>
    [Fact]
    public void CountOthers_AroundEveryPowerOfTwo_EqualsANaiveCount()
    {
        var random = new Random(71);
        var entries = Enumerable.Range(0, 1025).Select(i => RandomEntry(random, i + 1)).ToArray();
        var powers = Enumerable.Range(0, 11).Select(k => 1 << k).ToArray();
        var sizes = Enumerable.Range(1, 140).Concat(powers.SelectMany(p => new[] { p - 1, p, p + 1 })).Where(n => n is > 0 and <= 1025).Distinct().Order();
        var yearFilter = SearchFilters.None with { Years = [new YearRange(2020, 2021)] };
        var cases = 0;
        foreach (var size in sizes)
        {
            var catalog = new CatalogSnapshot(1, entries[..size]);
            var wholeCatalog = new WholeCatalogTallies();
            foreach (var matches in MatchSets(size, random))
            {
                foreach (var filters in new[] { SearchFilters.None, yearFilter })
                {
                    var filter = new CatalogFilter(catalog, filters);
                    var matched = matches.ToHashSet();
                    var others = Enumerable.Range(0, size).Where(i => !matched.Contains(i)).ToArray();

                    var byRest = FacetTally.CountOthers(catalog, matches, filter);
                    var naiveRest = FacetTally.Count(catalog, others, filter);
                    Assert.Equal(others.Count(i => FilterEvaluator.Passes(entries[i], filters)), byRest.Passing);
                    AssertSameFacets(naiveRest.ToFacets(catalog), byRest.ToFacets(catalog));

                    var tally = FacetCounter.Tally(catalog, matches, filters, filter, wholeCatalog);
                    Assert.Equal(matches.Count(i => FilterEvaluator.Passes(entries[i], filters)), tally.Passing);
                    var facets = tally.ToFacets(catalog);
                    var matchedEntries = matches.Select(i => entries[i]).ToList();
                    Assert.Equal(Expected(matchedEntries, filters, FacetField.Year, e => e.Year is { } y ? [y.ToString(CultureInfo.InvariantCulture)] : []), facets.Year);
                    Assert.Equal(Expected(matchedEntries, filters, FacetField.AgencyType, e => e.AgencyTypes), facets.AgencyType);
                    Assert.Equal(Expected(matchedEntries, filters, FacetField.Checks, e => [FilterEvaluator.ChecksValue(e)]), facets.Checks);
                    Assert.Equal(
                        Flatten(RegionTree.Build(matchedEntries.Where(e => FilterEvaluator.PassesAllButRegions(e, filters)))),
                        Flatten(facets.Regions));
                    cases++;
                }
            }
        }

        Assert.True(cases > 5_000, $"only {cases} cases");

        // all, none, all but k (the k left out the oldest, or spread with the newest matching, or ending with the
        // newest), and random sets with and without the newest
        static IEnumerable<int[]> MatchSets(int size, Random random)
        {
            var all = Enumerable.Range(0, size).ToArray();
            yield return all;
            yield return [];
            var ks = new[] { 1, 2, 3, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 255, 256, 257, 511, 512, 513, 1023, 1024 }
                .Where(k => k < size);
            foreach (var k in ks)
            {
                yield return all[k..]; // the oldest k left out: the newest matches
                yield return all[..^k]; // the newest k left out
                var leftOut = all[..^1].OrderBy(_ => random.Next()).Take(k).ToHashSet();
                yield return all.Where(i => !leftOut.Contains(i)).ToArray(); // k spread out, the newest matching
                var leftOutWithNewest = all[..^1].OrderBy(_ => random.Next()).Take(k - 1).Append(size - 1).ToHashSet();
                yield return all.Where(i => !leftOutWithNewest.Contains(i)).ToArray(); // k spread out, the newest not
            }

            foreach (var density in new[] { 0.3, 0.6, 0.9 })
            {
                var set = all.Where(_ => random.NextDouble() < density).ToList();
                set.Remove(size - 1);
                yield return [.. set];
                yield return [.. set, size - 1];
            }
        }
    }

    [Fact]
    public void WholeCatalogTallies_AreCountedAgain_ForANewSnapshot_AndPerFilterSet()
    {
        var random = new Random(31);
        var entries = Enumerable.Range(0, 300).Select(i => RandomEntry(random, i + 1)).ToArray();
        var before = new CatalogSnapshot(1, entries[..200]);
        var after = before.Append(2, entries[200..]);
        var tallies = new WholeCatalogTallies();
        var year2020 = SearchFilters.None with { Years = [new YearRange(2020, 2020)] };

        var first = tallies.Get(before, SearchFilters.None, new CatalogFilter(before, SearchFilters.None));
        var again = tallies.Get(before, SearchFilters.None, new CatalogFilter(before, SearchFilters.None));
        var filtered = tallies.Get(before, year2020, new CatalogFilter(before, year2020));
        var newer = tallies.Get(after, SearchFilters.None, new CatalogFilter(after, SearchFilters.None));

        Assert.Same(first, again);
        Assert.Equal(200, first.Passing);
        Assert.Equal(entries[..200].Count(e => e.Year == 2020), filtered.Passing);
        Assert.Equal(300, newer.Passing);
        AssertSameFacets(FacetCounter.Count(after, Enumerable.Range(0, 300).ToArray(), new CatalogFilter(after, SearchFilters.None)), newer.ToFacets(after));
    }

    [Fact]
    public void WholeCatalogTallies_KeyTellsFilterSetsApart()
    {
        var a = SearchFilters.None with { Provinces = ["河南省", "北京市"] };
        var b = SearchFilters.None with { Provinces = ["河南省北京市"] };
        var c = SearchFilters.None with { Cities = ["河南省", "北京市"] };
        var d = SearchFilters.None with { Years = [new YearRange(2019, 2021)] };
        var e = SearchFilters.None with { Years = [new YearRange(2019, 2019), new YearRange(2021, 2021)] };

        var keys = new[] { SearchFilters.None, a, b, c, d, e }.Select(WholeCatalogTallies.Key).ToList();

        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(WholeCatalogTallies.Key(a), WholeCatalogTallies.Key(SearchFilters.None with { Provinces = ["河南省", "北京市"] }));
    }

    [Theory]
    [InlineData(41, 1)]
    [InlineData(42, 7)]
    [InlineData(43, 40)]
    [InlineData(44, 299)]
    public void Top_ByScore_IsTheFullOrderCutShort_ForRandomScoresTiesAndFilters(int seed, int top)
    {
        var random = new Random(seed);
        var entries = Enumerable.Range(0, 300).Select(i => RandomEntry(random, i + 1)).ToArray();
        var catalog = new CatalogSnapshot(1, entries);
        for (var round = 0; round < 20; round++)
        {
            var indexes = Enumerable.Range(0, entries.Length).Where(_ => random.Next(4) > 0).ToArray();
            var scores = indexes.Select(_ => round % 2 == 0 ? random.Next(6) : random.NextDouble() * 10).ToArray();
            var matches = ReportMatches.Of(indexes, scores, indexes.Length);
            var filters = round % 3 == 0 ? SearchFilters.None : RandomFilters(random);
            var scoreOf = indexes.Select((index, i) => (index, i)).ToDictionary(x => x.index, x => scores[x.i]);

            var expected = indexes.Where(i => FilterEvaluator.Passes(entries[i], filters))
                .OrderByDescending(i => scoreOf[i]).ThenBy(i => entries[i].Id).Take(top).ToList();
            var actual = ResultOrder.Top(catalog, matches, new CatalogFilter(catalog, filters), byScore: true, top);

            Assert.Equal(expected, actual.Select(t => t.Index));
            Assert.Equal(expected.Select(i => scoreOf[i]), actual.Select(t => t.Score));
        }
    }

    [Fact]
    public void AppendedSnapshot_CountsAndOrdersLikeOneBuiltAtOnce()
    {
        var random = new Random(12);
        var entries = Enumerable.Range(0, 500).Select(i => RandomEntry(random, i * 2 + 1)).ToArray();
        var whole = new CatalogSnapshot(1, entries);
        var appended = new CatalogSnapshot(1, entries[..200]).Append(2, entries[200..450]).Append(3, entries[450..]);
        var all = Enumerable.Range(0, entries.Length).ToArray();

        Assert.Equal(entries.Length, appended.Count);
        Assert.Equal(Order(whole), Order(appended));
        for (var round = 0; round < 20; round++)
        {
            var filters = RandomFilters(random);
            var expected = FacetCounter.Count(whole, all, new CatalogFilter(whole, filters));
            var actual = FacetCounter.Count(appended, all, new CatalogFilter(appended, filters));
            Assert.Equal(expected.Year, actual.Year);
            Assert.Equal(expected.Province, actual.Province);
            Assert.Equal(expected.City, actual.City);
            Assert.Equal(expected.AgencyType, actual.AgencyType);
            Assert.Equal(expected.Level, actual.Level);
            Assert.Equal(expected.Checks, actual.Checks);
            Assert.Equal(Flatten(expected.Regions), Flatten(actual.Regions));
        }

        static List<int> Order(CatalogSnapshot catalog) =>
            ResultOrder.All(catalog, ReportMatches.All(catalog.Count), new CatalogFilter(catalog, SearchFilters.None), byScore: false)
                .ConvertAll(t => t.Index);
    }

    [Fact]
    public void Take_ByScore_IsTheFullOrderCutShort_WithTiesByAscendingId()
    {
        var random = new Random(9);
        var entries = Enumerable.Range(0, 300).Select(i => RandomEntry(random, i + 1)).ToArray();
        var catalog = new CatalogSnapshot(1, entries);
        var indexes = Enumerable.Range(0, entries.Length).ToArray();
        var scores = indexes.Select(_ => (double)random.Next(10)).ToArray(); // many ties
        var matches = ReportMatches.Of(indexes, scores, indexes.Length);
        var filters = SearchFilters.None with { Years = [new YearRange(2020, 2022)] };
        var filter = new CatalogFilter(catalog, filters);

        var expected = indexes.Where(i => FilterEvaluator.Passes(entries[i], filters))
            .OrderByDescending(i => scores[i]).ThenBy(i => entries[i].Id).ToList();
        var (top, total) = ResultOrder.Take(catalog, matches, filter, byScore: true, top: 25);

        Assert.Equal(expected.Count, total);
        Assert.Equal(expected.Take(25), top.Select(t => t.Index));
        Assert.Equal(expected, ResultOrder.All(catalog, matches, filter, byScore: true).Select(t => t.Index)); // every match: sorted, not a heap
    }

    [Theory]
    [InlineData(51, true)]
    [InlineData(52, false)]
    public void Top_Browsing_IsTheNewestFirstOrderOfThePassingMatchesCutShort(int seed, bool everyReport)
    {
        var random = new Random(seed);
        var entries = Enumerable.Range(0, 250).Select(i => RandomEntry(random, i + 1)).ToArray();
        var catalog = new CatalogSnapshot(1, entries);
        for (var round = 0; round < 20; round++)
        {
            var indexes = Enumerable.Range(0, entries.Length).Where(_ => everyReport || random.Next(2) == 0).ToArray();
            var matches = everyReport ? ReportMatches.All(entries.Length) : ReportMatches.Of(indexes, new double[indexes.Length], indexes.Length);
            var filters = round % 3 == 0 ? SearchFilters.None : RandomFilters(random);
            var top = random.Next(1, 60);

            var expected = matches.Indexes.Take(matches.Count).Where(i => FilterEvaluator.Passes(entries[i], filters))
                .OrderByDescending(i => entries[i].Year ?? int.MinValue).ThenByDescending(i => entries[i].Id).Take(top).ToList();

            Assert.Equal(expected, ResultOrder.Top(catalog, matches, new CatalogFilter(catalog, filters), byScore: false, top).Select(t => t.Index));
        }
    }

    [Fact]
    public void Take_Browsing_IsNewestFirstThenHighestId()
    {
        var random = new Random(10);
        var entries = Enumerable.Range(0, 200).Select(i => RandomEntry(random, i + 1)).ToArray();
        var catalog = new CatalogSnapshot(1, entries);
        var matches = ReportMatches.Of([.. Enumerable.Range(0, 200).Where(i => i % 3 != 0)], new double[200], 133);

        var expected = matches.Indexes.Take(133).OrderByDescending(i => entries[i].Year ?? int.MinValue).ThenByDescending(i => entries[i].Id).ToList();
        var (top, total) = ResultOrder.Take(catalog, matches, new CatalogFilter(catalog, SearchFilters.None), byScore: false, top: 40);

        Assert.Equal(133, total);
        Assert.Equal(expected.Take(40), top.Select(t => t.Index));
    }

    private static void AssertSameFacets(SearchFacets expected, SearchFacets actual)
    {
        Assert.Equal(expected.Year, actual.Year);
        Assert.Equal(expected.Province, actual.Province);
        Assert.Equal(expected.City, actual.City);
        Assert.Equal(expected.AgencyType, actual.AgencyType);
        Assert.Equal(expected.Level, actual.Level);
        Assert.Equal(expected.Checks, actual.Checks);
        Assert.Equal(Flatten(expected.Regions), Flatten(actual.Regions));
    }

    /// <summary>The facet by its definition; a province or city value carries the code of its reports (<paramref name="code"/>).</summary>
    private static List<FacetValue> Expected(
        List<CatalogEntry> matched, SearchFilters filters, FacetField field, Func<CatalogEntry, IReadOnlyList<string>> values,
        Func<CatalogEntry, string>? code = null) => matched
        .Where(e => FilterEvaluator.Passes(e, filters, field))
        .SelectMany(e => values(e).Select(v => (Value: v, Code: code?.Invoke(e))))
        .GroupBy(v => v)
        .Select(g => new FacetValue(g.Key.Value, g.Count(), g.Key.Code))
        .OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal)
        .ToList();

    /// <summary>The counted nodes (the tree adds the selected divisions with count 0, which a count of the reports does not give).</summary>
    private static List<string> Flatten(IReadOnlyList<RegionFacetNode> nodes, string path = "") => nodes
        .Where(n => n.Count > 0)
        .SelectMany(n => new[] { $"{path}/{n.Value}:{n.Code}:{n.Count}" }.Concat(Flatten(n.Children, path + "/" + n.Value)))
        .ToList();

    private static IEnumerable<string?> Codes(IReadOnlyList<RegionFacetNode> nodes) => nodes.SelectMany(n => Codes(n.Children).Prepend(n.Code));

    private static CatalogEntry RandomEntry(Random random, long id)
    {
        var place = random.Next(6) == 0 ? null : Divisions.ToCandidate(Divisions.FindByCode(Places[random.Next(Places.Length)])!);
        return new CatalogEntry(
            id, $"{id}.txt", null, null,
            random.Next(6) == 0 ? null : 2019 + random.Next(5),
            place?.Province,
            place?.City,
            place?.County,
            place?.Code,
            random.Next(4) switch { 0 => null, 1 => "city", 2 => "county", _ => "province" },
            Types.Where(_ => random.Next(3) == 0).ToList(),
            random.Next(3) == 0 ? random.Next(1, 4) : 0);
    }

    /// <summary>Random filters whose region values each select one division (an ambiguous draw is drawn again).</summary>
    private static SearchFilters RandomFilters(Random random)
    {
        while (true)
        {
            List<T> Some<T>(Func<T> pick) => random.Next(2) == 0 ? [] : Enumerable.Range(0, random.Next(1, 3)).Select(_ => pick()).ToList();
            var filters = new SearchFilters(
                Some(() => random.Next(2) == 0 ? new YearRange(2020, 2020) : new YearRange(2019, 2021)),
                Some(() => random.Next(3) switch { 0 => "江苏省", 1 => "北京市", _ => "41" }),
                Some(() => random.Next(3) switch { 0 => "徐州市", 1 => "福州市", _ => "开封市" }),
                Some(() => random.Next(3) switch { 0 => "鼓楼区", 1 => "瀍河回族区", _ => "东城区" }),
                Some(() => Types[random.Next(Types.Length)]),
                Some(() => random.Next(2) == 0 ? "city" : "county"),
                Some(() => random.Next(2) == 0 ? SearchFilters.ChecksPassed : SearchFilters.ChecksFailed),
                Some(() => RegionValues[random.Next(RegionValues.Length)]),
                []);
            if (RegionSelection.Of(filters).Problems.Count == 0)
            {
                return filters;
            }
        }
    }
}
