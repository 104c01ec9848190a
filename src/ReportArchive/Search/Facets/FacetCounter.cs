using ReportArchive.Search.Catalog;

namespace ReportArchive.Search.Facets;

/// <summary>
/// Counts facet values over every matching report. Each facet applies all filters but its own, so a user who picked
/// 2021 still sees how many matches the other years hold (the usual multi-select behaviour).
/// One pass over the matches: the filters are evaluated once per report (a bit per failing field), a report counts
/// in a facet when no filter but that facet's own fails, and counting is an array increment per field value ordinal.
/// </summary>
internal static class FacetCounter
{
    public static SearchFacets Count(CatalogSnapshot catalog, ReadOnlySpan<int> matches, CatalogFilter filter)
    {
        var years = new int[catalog.Years.Values.Length];
        var provinces = new int[catalog.Provinces.Values.Length];
        var cities = new int[catalog.Cities.Values.Length];
        var levels = new int[catalog.Levels.Values.Length];
        var agencyTypes = new int[catalog.AgencyTypes.Values.Length];
        var regions = new int[catalog.Regions.NodeCount];
        int passed = 0, failed = 0;
        var yearOrdinals = catalog.Years.Ordinals;
        var provinceOrdinals = catalog.Provinces.Ordinals;
        var cityOrdinals = catalog.Cities.Ordinals;
        var levelOrdinals = catalog.Levels.Ordinals;
        var typeStarts = catalog.AgencyTypes.Starts;
        var typeOrdinals = catalog.AgencyTypes.Ordinals;
        var regionNodes = catalog.Regions.Nodes;
        var failedChecks = catalog.FailedChecks;
        foreach (var index in matches)
        {
            var failing = filter.FailingFields(index);
            if (failing != 0 && (failing & (failing - 1)) != 0)
            {
                continue; // two filters fail: no facet ignores both
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

            if (Counts(failing, FacetField.Region))
            {
                Increment(regions, regionNodes[3 * index]);
                Increment(regions, regionNodes[(3 * index) + 1]);
                Increment(regions, regionNodes[(3 * index) + 2]);
            }
        }

        var checks = new List<FacetValue>(2);
        if (passed > 0)
        {
            checks.Add(new FacetValue(SearchFilters.ChecksPassed, passed));
        }

        if (failed > 0)
        {
            checks.Add(new FacetValue(SearchFilters.ChecksFailed, failed));
        }

        return new SearchFacets(
            Ordered(catalog.Years.Values, years),
            Ordered(catalog.Provinces.Values, provinces),
            Ordered(catalog.Cities.Values, cities),
            Ordered(catalog.AgencyTypes.Values, agencyTypes),
            Ordered(catalog.Levels.Values, levels),
            Ordered(checks),
            catalog.Regions.Tree(regions));
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

    private static List<FacetValue> Ordered(string[] values, int[] counts)
    {
        var result = new List<FacetValue>();
        for (var i = 0; i < values.Length; i++)
        {
            if (counts[i] > 0)
            {
                result.Add(new FacetValue(values[i], counts[i]));
            }
        }

        return Ordered(result);
    }

    private static List<FacetValue> Ordered(List<FacetValue> values)
    {
        values.Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Value, b.Value));
        return values;
    }
}
