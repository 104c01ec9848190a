using System.Globalization;
using System.Text;
using ReportArchive.Search.Catalog;

namespace ReportArchive.Search.Facets;

/// <summary>
/// The facet counts of the whole catalog under each recently used set of filters, for one catalog snapshot (a new
/// snapshot, after any write, starts afresh). They do not depend on the query, so every search whose matches cover
/// most of the catalog counts only the reports it does not match and subtracts (<see cref="FacetTally.Minus"/>).
/// Thread-safe.
/// </summary>
internal sealed class WholeCatalogTallies
{
    /// <summary>Filter sets kept per snapshot (a tally is a few KB: one count per value of every field).</summary>
    private const int MaxFilterSets = 64;

    private readonly Lock _lock = new();
    private CatalogSnapshot? _catalog;
    private Dictionary<string, FacetTally> _byFilters = new(StringComparer.Ordinal);

    /// <summary>The counts of every report of <paramref name="catalog"/> under <paramref name="filter"/> (compiled from <paramref name="filters"/>).</summary>
    public FacetTally Get(CatalogSnapshot catalog, SearchFilters filters, CatalogFilter filter)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(filters);
        var key = Key(filters);
        lock (_lock)
        {
            if (ReferenceEquals(_catalog, catalog) && _byFilters.TryGetValue(key, out var kept))
            {
                return kept;
            }
        }

        var tally = FacetTally.CountOthers(catalog, [], filter);
        lock (_lock)
        {
            if (!ReferenceEquals(_catalog, catalog))
            {
                if (_catalog is not null && _catalog.Generation > catalog.Generation)
                {
                    return tally; // a search still on an older snapshot: keep the newer one's counts
                }

                _catalog = catalog;
                _byFilters = new Dictionary<string, FacetTally>(StringComparer.Ordinal);
            }

            if (_byFilters.Count >= MaxFilterSets)
            {
                _byFilters.Clear();
            }

            _byFilters[key] = tally;
        }

        return tally;
    }

    /// <summary>The facet filters as text (the figure conditions apply to the matches, not to facet counts).</summary>
    internal static string Key(SearchFilters filters)
    {
        const char Field = '\u001E';
        const char Value = '\u001F';
        var key = new StringBuilder();
        foreach (var range in filters.Years)
        {
            key.Append(CultureInfo.InvariantCulture, $"{range.From}..{range.To}").Append(Value);
        }

        foreach (var list in (IReadOnlyList<string>[])[
            filters.Provinces, filters.Cities, filters.Counties, filters.AgencyTypes, filters.Levels, filters.Checks, filters.Regions])
        {
            key.Append(Field);
            foreach (var value in list)
            {
                key.Append(value).Append(Value);
            }
        }

        return key.ToString();
    }
}
