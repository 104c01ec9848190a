using System.Globalization;

namespace ReportArchive.Search.Facets;

/// <summary>
/// Counts facet values over every matching report. Each facet applies all filters but its own, so a user who picked
/// 2021 still sees how many matches the other years hold (the usual multi-select behaviour).
/// One pass over the matches: the filters are evaluated once per report (a bit per failing field), and a report counts
/// in a facet when no filter but that facet's own fails; no allocation per report.
/// </summary>
public static class FacetCounter
{
    public static SearchFacets Count(IReadOnlyList<CatalogEntry> matches, SearchFilters filters)
    {
        ArgumentNullException.ThrowIfNull(matches);
        ArgumentNullException.ThrowIfNull(filters);
        var years = new Dictionary<int, int>();
        var provinces = new Dictionary<string, int>(StringComparer.Ordinal);
        var cities = new Dictionary<string, int>(StringComparer.Ordinal);
        var agencyTypes = new Dictionary<string, int>(StringComparer.Ordinal);
        var levels = new Dictionary<string, int>(StringComparer.Ordinal);
        int passed = 0, failed = 0;
        var regions = new RegionTree.Accumulator();
        for (var i = 0; i < matches.Count; i++)
        {
            var entry = matches[i];
            var failing = FilterEvaluator.FailingFields(entry, filters);
            if (failing != 0 && (failing & (failing - 1)) != 0)
            {
                continue; // two filters fail: no facet ignores both
            }

            if (Counts(failing, FacetField.Year) && entry.Year is { } year)
            {
                Increment(years, year);
            }

            if (Counts(failing, FacetField.Province) && entry.Province is { } province)
            {
                Increment(provinces, province);
            }

            if (Counts(failing, FacetField.City) && entry.City is { } city)
            {
                Increment(cities, city);
            }

            if (Counts(failing, FacetField.AgencyType))
            {
                for (var t = 0; t < entry.AgencyTypes.Count; t++)
                {
                    Increment(agencyTypes, entry.AgencyTypes[t]);
                }
            }

            if (Counts(failing, FacetField.Level) && entry.Level is { } level)
            {
                Increment(levels, level);
            }

            if (Counts(failing, FacetField.Checks))
            {
                if (entry.FailedChecks > 0)
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
                regions.Add(entry);
            }
        }

        var checks = new Dictionary<string, int>(StringComparer.Ordinal);
        if (passed > 0)
        {
            checks[SearchFilters.ChecksPassed] = passed;
        }

        if (failed > 0)
        {
            checks[SearchFilters.ChecksFailed] = failed;
        }

        return new SearchFacets(
            Ordered(years.Select(p => new KeyValuePair<string, int>(p.Key.ToString(CultureInfo.InvariantCulture), p.Value))),
            Ordered(provinces),
            Ordered(cities),
            Ordered(agencyTypes),
            Ordered(levels),
            Ordered(checks),
            regions.Build());
    }

    /// <summary>A report whose failing filters are none or only the facet's own counts in that facet.</summary>
    private static bool Counts(int failing, FacetField field) => failing == 0 || failing == FilterEvaluator.Bit(field);

    private static void Increment<TKey>(Dictionary<TKey, int> counts, TKey key)
        where TKey : notnull
    {
        ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _);
        count++;
    }

    private static List<FacetValue> Ordered(IEnumerable<KeyValuePair<string, int>> counts) => counts
        .OrderByDescending(pair => pair.Value)
        .ThenBy(pair => pair.Key, StringComparer.Ordinal)
        .Select(pair => new FacetValue(pair.Key, pair.Value))
        .ToList();
}
