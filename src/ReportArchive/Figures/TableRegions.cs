namespace ReportArchive.Figures;

/// <summary>Where tables A, B and C sit in the normalized text; -1 where a table was not found.</summary>
internal sealed record TableRegions(
    int ProactiveStart, int ProactiveEnd,
    int RequestStart, int RequestEnd,
    int ReviewStart, int ReviewEnd)
{
    public bool AnyTable => ProactiveStart >= 0 || RequestStart >= 0 || ReviewStart >= 0;

    /// <summary>Where the first table starts: the narrative of part 一 lies before it.</summary>
    public int FirstTableStart
    {
        get
        {
            var starts = new[] { ProactiveStart, RequestStart, ReviewStart }.Where(s => s >= 0).ToList();
            return starts.Count == 0 ? -1 : starts.Min();
        }
    }

    /// <summary>Where the last table ends.</summary>
    public int LastTableEnd => Math.Max(ProactiveEnd, Math.Max(RequestEnd, ReviewEnd));
}
