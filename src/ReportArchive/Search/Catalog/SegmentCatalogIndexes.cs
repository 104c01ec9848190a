using System.Runtime.CompilerServices;
using ReportArchive.TextIndex;

namespace ReportArchive.Search.Catalog;

/// <summary>
/// For each text index segment, the catalog index of each of its reports (-1 for one deleted since), so the index's
/// matches arrive as catalog indexes instead of ids looked up one by one. Kept for the newest catalog snapshot; a
/// newer snapshot that only appended reports keeps the maps already built (appending moves no index). Thread-safe.
/// </summary>
internal sealed class SegmentCatalogIndexes
{
    private readonly Lock _lock = new();
    private CatalogSnapshot? _catalog;
    private ConditionalWeakTable<IndexSegment, int[]> _maps = [];

    /// <summary>The maps for <paramref name="catalog"/>: <c>IndexesIn(catalog)(segment)[local report]</c>.</summary>
    public Func<IndexSegment, int[]> For(CatalogSnapshot catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var maps = MapsFor(catalog);
        return segment => maps.GetValue(segment, s => catalog.IndexesOf(s.ReportIdSpan));
    }

    private ConditionalWeakTable<IndexSegment, int[]> MapsFor(CatalogSnapshot catalog)
    {
        lock (_lock)
        {
            if (ReferenceEquals(_catalog, catalog))
            {
                return _maps;
            }

            if (_catalog is not null && _catalog.Generation > catalog.Generation)
            {
                return []; // a search still on an older snapshot: its own maps, the newer ones are kept
            }

            if (_catalog is null || !_catalog.IsPrefixOf(catalog))
            {
                _maps = [];
            }

            _catalog = catalog;
            return _maps;
        }
    }
}
