namespace ReportArchive.Search.Catalog;

/// <summary>
/// The catalog fields of a run of reports (ascending id) as <see cref="CatalogRowReader"/> reads them: the entries and,
/// numbered while reading, the ordinals of every filterable field, so a snapshot takes its columns as they are instead of
/// hashing every report's values again.
/// </summary>
/// <param name="AgencyTypeStarts">Report i's agency types are <c>AgencyTypes.Ordinals[AgencyTypeStarts[i]..AgencyTypeStarts[i + 1]]</c>.</param>
internal sealed record CatalogRows(
    CatalogEntry[] Entries,
    ValueOrdinals Years,
    ValueOrdinals Provinces,
    ValueOrdinals Cities,
    ValueOrdinals Counties,
    ValueOrdinals Levels,
    ValueOrdinals RegionKeys,
    ValueOrdinals AgencyTypes,
    int[] AgencyTypeStarts);
