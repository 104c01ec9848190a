namespace ReportArchive.Storage;

/// <summary>What happened to one report handed to <see cref="ReportStore.Add"/>.</summary>
/// <param name="Id">The report's id: new, or the stored one for a duplicate; 0 when the write failed.</param>
/// <param name="Duplicate">True when a report with the same SHA-256 was already stored.</param>
/// <param name="Error">Why the write failed; null when it did not.</param>
public sealed record WriteOutcome(long Id, bool Duplicate, string? Error)
{
    public static WriteOutcome Stored(long id) => new(id, false, null);

    public static WriteOutcome AlreadyStored(long id) => new(id, true, null);

    public static WriteOutcome Failed(string error) => new(0, false, error);
}
