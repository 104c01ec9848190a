namespace ReportArchive.Storage;

/// <summary>One figure across the archive: the reports that give it (ascending ids) and, at the same index, its value.</summary>
public sealed record FigureColumn(long[] Ids, decimal[] Values)
{
    /// <summary>The report's value of this figure, or null when the report does not give it.</summary>
    public decimal? ValueOf(long reportId)
    {
        var index = Array.BinarySearch(Ids, reportId);
        return index < 0 ? null : Values[index];
    }
}
