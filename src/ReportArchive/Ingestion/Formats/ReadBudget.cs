namespace ReportArchive.Ingestion.Formats;

/// <summary>How many inflated bytes a reading may still take; spending past it rejects the file with the reason.</summary>
internal sealed class ReadBudget(long limit, string what)
{
    public long Spent { get; private set; }

    /// <summary>What may still be spent.</summary>
    public long Remaining => Math.Max(0, limit - Spent);

    public void Spend(long bytes)
    {
        Spent += bytes;
        if (Spent > limit)
        {
            throw new InvalidReportFileException($"{what} inflates to more than {limit:N0} bytes (a zip bomb?)");
        }
    }
}
