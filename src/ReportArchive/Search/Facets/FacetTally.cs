using System.Buffers;
using ReportArchive.Search.Catalog;

namespace ReportArchive.Search.Facets;

/// <summary>
/// The raw facet counts of a set of reports under one filter: per field a count per value ordinal of the catalog's
/// column (the region tree a count per node), the reports with passing and failing checks, and how many reports pass
/// every filter. Each report adds the same to the counts whatever set it is in, so the counts of a set are the whole
/// catalog's counts minus those of the reports outside it (<see cref="Minus"/>): a query matching most of the catalog
/// is counted over the few reports it does not match.
/// </summary>
internal sealed class FacetTally
{
    private FacetTally(CatalogSnapshot catalog, RegionSelection selected)
    {
        Selected = selected;
        Years = new int[catalog.Years.Values.Length];
        Provinces = new int[catalog.Provinces.Values.Length];
        Cities = new int[catalog.Cities.Values.Length];
        AgencyTypes = new int[catalog.AgencyTypes.Values.Length];
        Levels = new int[catalog.Levels.Values.Length];
        Regions = new int[catalog.Regions.NodeCount];
    }

    /// <summary>The divisions the region filters select: the region tree shows them even where nothing matches.</summary>
    public RegionSelection Selected { get; }

    public int[] Years { get; }

    public int[] Provinces { get; }

    public int[] Cities { get; }

    public int[] AgencyTypes { get; }

    public int[] Levels { get; }

    public int[] Regions { get; }

    public int ChecksPassed { get; private set; }

    public int ChecksFailed { get; private set; }

    /// <summary>The reports counted that pass every filter (the result total).</summary>
    public int Passing { get; private set; }

    /// <summary>The counts of the reports at the given catalog indexes.</summary>
    public static FacetTally Count(CatalogSnapshot catalog, ReadOnlySpan<int> reports, CatalogFilter filter)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(filter);
        var tally = new FacetTally(catalog, filter.Regions);
        tally.Add(catalog, reports, filter);
        return tally;
    }

    /// <summary>The counts of every report of the catalog that is not among <paramref name="ascendingReports"/> (catalog indexes, ascending).</summary>
    public static FacetTally CountOthers(CatalogSnapshot catalog, ReadOnlySpan<int> ascendingReports, CatalogFilter filter)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(filter);
        // one slot more than the reports outside the set: the loop below writes every index, a match's included, at
        // the next free slot, so a match after the last report outside the set writes one past them (the pool hands
        // out arrays of exactly 16, 32, 64 … slots, so without the spare slot that write is out of bounds)
        var others = ArrayPool<int>.Shared.Rent(catalog.Count - ascendingReports.Length + 1);
        try
        {
            // without a branch per report: about half the reports are matches, and a mispredicted branch costs more
            // than the write that is overwritten
            var count = 0;
            var next = 0;
            for (var index = 0; index < catalog.Count && next < ascendingReports.Length; index++)
            {
                var matched = ascendingReports[next] == index ? 1 : 0;
                others[count] = index;
                count += 1 - matched;
                next += matched;
            }

            for (var index = count + next; index < catalog.Count; index++)
            {
                others[count++] = index;
            }

            return Count(catalog, others.AsSpan(0, count), filter);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(others);
        }
    }

    /// <summary>These counts less those of <paramref name="part"/>, a subset of the reports counted here (same catalog and filter).</summary>
    public FacetTally Minus(FacetTally part)
    {
        ArgumentNullException.ThrowIfNull(part);
        var result = new FacetTally(this);
        Subtract(result.Years, part.Years);
        Subtract(result.Provinces, part.Provinces);
        Subtract(result.Cities, part.Cities);
        Subtract(result.AgencyTypes, part.AgencyTypes);
        Subtract(result.Levels, part.Levels);
        Subtract(result.Regions, part.Regions);
        result.ChecksPassed -= part.ChecksPassed;
        result.ChecksFailed -= part.ChecksFailed;
        result.Passing -= part.Passing;
        return result;
    }

    /// <summary>The facet values with a count above zero, each field ordered by count (descending), then value.</summary>
    public SearchFacets ToFacets(CatalogSnapshot catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var checks = new List<FacetValue>(2);
        if (ChecksPassed > 0)
        {
            checks.Add(new FacetValue(SearchFilters.ChecksPassed, ChecksPassed));
        }

        if (ChecksFailed > 0)
        {
            checks.Add(new FacetValue(SearchFilters.ChecksFailed, ChecksFailed));
        }

        return new SearchFacets(
            Ordered(catalog.Years.Values, Years),
            Ordered(catalog.Provinces.Values, Provinces, CodesOf(catalog, catalog.Provinces, 2)),
            Ordered(catalog.Cities.Values, Cities, CodesOf(catalog, catalog.Cities, 4)),
            Ordered(catalog.AgencyTypes.Values, AgencyTypes),
            Ordered(catalog.Levels.Values, Levels),
            Ordered(checks),
            catalog.Regions.Tree(Regions, Selected.Divisions));
    }

    private FacetTally(FacetTally copy)
    {
        Selected = copy.Selected;
        Years = (int[])copy.Years.Clone();
        Provinces = (int[])copy.Provinces.Clone();
        Cities = (int[])copy.Cities.Clone();
        AgencyTypes = (int[])copy.AgencyTypes.Clone();
        Levels = (int[])copy.Levels.Clone();
        Regions = (int[])copy.Regions.Clone();
        ChecksPassed = copy.ChecksPassed;
        ChecksFailed = copy.ChecksFailed;
        Passing = copy.Passing;
    }

    /// <summary>
    /// One pass over the reports: the filters are evaluated once per report (a bit per failing field); a report counts
    /// in a facet when no filter but that facet's own fails (the usual multi-select behaviour), and counting is an array
    /// increment per value ordinal.
    /// </summary>
    private void Add(CatalogSnapshot catalog, ReadOnlySpan<int> reports, CatalogFilter filter)
    {
        var years = Years;
        var provinces = Provinces;
        var cities = Cities;
        var levels = Levels;
        var agencyTypes = AgencyTypes;
        var regions = Regions;
        int passed = 0, failed = 0, passing = 0;
        var yearOrdinals = catalog.Years.Ordinals;
        var provinceOrdinals = catalog.Provinces.Ordinals;
        var cityOrdinals = catalog.Cities.Ordinals;
        var levelOrdinals = catalog.Levels.Ordinals;
        var typeStarts = catalog.AgencyTypes.Starts;
        var typeOrdinals = catalog.AgencyTypes.Ordinals;
        var regionNodes = catalog.Regions.Nodes;
        var failedChecks = catalog.FailedChecks;
        if (filter.IsEmpty)
        {
            // no filter: every report counts in every facet (the common case, kept free of the per-field tests)
            foreach (var index in reports)
            {
                Increment(years, yearOrdinals[index]);
                Increment(provinces, provinceOrdinals[index]);
                Increment(cities, cityOrdinals[index]);
                for (var t = typeStarts[index]; t < typeStarts[index + 1]; t++)
                {
                    agencyTypes[typeOrdinals[t]]++;
                }

                Increment(levels, levelOrdinals[index]);
                failed += failedChecks[index] ? 1 : 0;
                Increment(regions, regionNodes[3 * index]);
                Increment(regions, regionNodes[(3 * index) + 1]);
                Increment(regions, regionNodes[(3 * index) + 2]);
            }

            ChecksFailed += failed;
            ChecksPassed += reports.Length - failed;
            Passing += reports.Length;
            return;
        }

        foreach (var index in reports)
        {
            var failing = filter.FailingFields(index);
            var inTree = (failing & ~FilterEvaluator.RegionFields) == 0;
            if (failing != 0 && (failing & (failing - 1)) != 0 && !inTree)
            {
                continue; // two filters fail, not both region fields: no facet ignores both
            }

            if (failing == 0)
            {
                passing++;
            }

            if (Counts(failing, FacetField.Year))
            {
                Increment(years, yearOrdinals[index]);
            }

            if (Counts(failing, FacetField.Province))
            {
                Increment(provinces, provinceOrdinals[index]);
            }

            if (Counts(failing, FacetField.City))
            {
                Increment(cities, cityOrdinals[index]);
            }

            if (Counts(failing, FacetField.AgencyType))
            {
                for (var t = typeStarts[index]; t < typeStarts[index + 1]; t++)
                {
                    agencyTypes[typeOrdinals[t]]++;
                }
            }

            if (Counts(failing, FacetField.Level))
            {
                Increment(levels, levelOrdinals[index]);
            }

            if (Counts(failing, FacetField.Checks))
            {
                if (failedChecks[index])
                {
                    failed++;
                }
                else
                {
                    passed++;
                }
            }

            if (inTree)
            {
                Increment(regions, regionNodes[3 * index]);
                Increment(regions, regionNodes[(3 * index) + 1]);
                Increment(regions, regionNodes[(3 * index) + 2]);
            }
        }

        ChecksPassed += passed;
        ChecksFailed += failed;
        Passing += passing;
    }

    /// <summary>A report whose failing filters are none or only the facet's own counts in that facet.</summary>
    private static bool Counts(int failing, FacetField field) => failing == 0 || failing == FilterEvaluator.Bit(field);

    private static void Increment(int[] counts, int ordinal)
    {
        if (ordinal >= 0)
        {
            counts[ordinal]++;
        }
    }

    private static void Subtract(int[] counts, int[] part)
    {
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] -= part[i];
        }
    }

    private static List<FacetValue> Ordered(string[] values, int[] counts, string?[]? codes = null)
    {
        var result = new List<FacetValue>();
        for (var i = 0; i < values.Length; i++)
        {
            if (counts[i] > 0)
            {
                result.Add(new FacetValue(values[i], counts[i], codes?[i]));
            }
        }

        return Ordered(result);
    }

    /// <summary>Per value of a province or city column, the division code: the first report's code cut to the level's length.</summary>
    private static string?[] CodesOf(CatalogSnapshot catalog, FacetColumn column, int length) =>
        Array.ConvertAll(column.FirstEntries, first => catalog[first].RegionCode is { } code && code.Length >= length ? code[..length] : null);

    private static List<FacetValue> Ordered(List<FacetValue> values)
    {
        values.Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Value, b.Value));
        return values;
    }
}
