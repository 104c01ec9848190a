namespace ReportArchive.Search.Facets;

/// <summary>
/// Counts facet values over every matching report. Each facet applies all filters but its own, so a user who picked
/// 2021 still sees how many matches the other years hold (the usual multi-select behaviour).
/// </summary>
public static class FacetCounter
{
    public static SearchFacets Count(IReadOnlyList<CatalogEntry> matches, SearchFilters filters)
    {
        ArgumentNullException.ThrowIfNull(matches);
        ArgumentNullException.ThrowIfNull(filters);
        return new SearchFacets(
            CountField(matches, filters, FacetField.Year, e => e.Year is { } y ? [y.ToString(System.Globalization.CultureInfo.InvariantCulture)] : []),
            CountField(matches, filters, FacetField.Province, e => Single(e.Province)),
            CountField(matches, filters, FacetField.City, e => Single(e.City)),
            CountField(matches, filters, FacetField.AgencyType, e => e.AgencyTypes),
            CountField(matches, filters, FacetField.Level, e => Single(e.Level)),
            CountField(matches, filters, FacetField.Checks, e => [FilterEvaluator.ChecksValue(e)]),
            RegionTree.Build(matches.Where(e => FilterEvaluator.Passes(e, filters, FacetField.Region))));
    }

    private static IReadOnlyList<string> Single(string? value) => value is null ? [] : [value];

    private static List<FacetValue> CountField(
        IReadOnlyList<CatalogEntry> matches, SearchFilters filters, FacetField field, Func<CatalogEntry, IReadOnlyList<string>> values)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in matches)
        {
            if (!FilterEvaluator.Passes(entry, filters, field))
            {
                continue;
            }

            foreach (var value in values(entry))
            {
                counts[value] = counts.GetValueOrDefault(value) + 1;
            }
        }

        return counts
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => new FacetValue(pair.Key, pair.Value))
            .ToList();
    }
}
