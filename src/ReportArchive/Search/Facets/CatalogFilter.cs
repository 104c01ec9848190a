using System.Globalization;
using ReportArchive.Search.Catalog;

namespace ReportArchive.Search.Facets;

/// <summary>
/// The facet filters of one request compiled against one catalog snapshot: per field, which value ordinals pass.
/// <see cref="FailingFields"/> then costs a few array reads per report, and means exactly what
/// <see cref="FilterEvaluator.FailingFields"/> means for the report's entry.
/// </summary>
internal sealed class CatalogFilter
{
    private readonly CatalogSnapshot _catalog;
    private readonly bool[]? _years;
    private readonly bool[]? _levels;

    /// <summary>Per value of <see cref="CatalogSnapshot.RegionKeys"/>, the region fields it fails (null: no region filter).</summary>
    private readonly int[]? _regionFailing;
    private readonly bool[]? _agencyTypes;
    private readonly bool _passedChecks;
    private readonly bool _failedChecks;
    private readonly bool _checks;

    public CatalogFilter(CatalogSnapshot catalog, SearchFilters filters)
    {
        _catalog = catalog;
        IsEmpty = filters.IsEmpty;
        _years = filters.Years.Count == 0
            ? null
            : Array.ConvertAll(catalog.Years.Values, y => InAny(int.Parse(y, CultureInfo.InvariantCulture), filters.Years));
        _levels = catalog.Levels.Allowed(filters.Levels);
        Regions = RegionSelection.ForSearch(filters);
        _regionFailing = Regions.IsEmpty
            ? null
            : Array.ConvertAll(catalog.RegionKeys.FirstEntries, first => Regions.FailingFields(catalog[first].RegionCode));
        _agencyTypes = filters.AgencyTypes.Count == 0
            ? null
            : Array.ConvertAll(catalog.AgencyTypes.Values, t => filters.AgencyTypes.Contains(t, StringComparer.Ordinal));
        _checks = filters.Checks.Count > 0;
        _passedChecks = filters.Checks.Contains(SearchFilters.ChecksPassed, StringComparer.Ordinal);
        _failedChecks = filters.Checks.Contains(SearchFilters.ChecksFailed, StringComparer.Ordinal);
    }

    public bool IsEmpty { get; }

    /// <summary>The divisions the region fields select (resolved by code and name).</summary>
    public RegionSelection Regions { get; }

    /// <summary>The fields whose filter the report at this catalog index fails, one bit per <see cref="FacetField"/>.</summary>
    public int FailingFields(int index)
    {
        if (IsEmpty)
        {
            return 0;
        }

        var failing = 0;
        if (_years is not null && !Passes(_years, _catalog.Years.Ordinals[index]))
        {
            failing |= FilterEvaluator.Bit(FacetField.Year);
        }

        if (_levels is not null && !Passes(_levels, _catalog.Levels.Ordinals[index]))
        {
            failing |= FilterEvaluator.Bit(FacetField.Level);
        }

        if (_checks && !(_catalog.FailedChecks[index] ? _failedChecks : _passedChecks))
        {
            failing |= FilterEvaluator.Bit(FacetField.Checks);
        }

        if (_regionFailing is not null)
        {
            failing |= _regionFailing[_catalog.RegionKeys.Ordinals[index]];
        }

        if (_agencyTypes is not null && !AnyAgencyTypePasses(index))
        {
            failing |= FilterEvaluator.Bit(FacetField.AgencyType);
        }

        return failing;
    }

    public bool Passes(int index) => FailingFields(index) == 0;

    private bool AnyAgencyTypePasses(int index)
    {
        var column = _catalog.AgencyTypes;
        for (var t = column.Starts[index]; t < column.Starts[index + 1]; t++)
        {
            if (_agencyTypes![column.Ordinals[t]])
            {
                return true;
            }
        }

        return false;
    }

    private static bool Passes(bool[] allowed, int ordinal) => ordinal >= 0 && allowed[ordinal];

    private static bool InAny(int year, IReadOnlyList<YearRange> ranges) => ranges.Any(r => r.Contains(year));
}
