using System.Globalization;

namespace ReportArchive.Storage.Compact;

/// <summary>
/// When a report was imported, as stored: the ticks (100 ns since 0001-01-01 UTC) as an integer when the time is in
/// UTC, as the importers write it; any other offset as round-trip ("O") text, so nothing is lost.
/// </summary>
internal static class ImportTimeColumn
{
    public static object Encode(DateTimeOffset time) =>
        time.Offset == TimeSpan.Zero ? time.UtcTicks : time.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Decode(object stored) => stored switch
    {
        long ticks => new DateTimeOffset(ticks, TimeSpan.Zero),
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture),
        _ => throw new InvalidDataException($"a stored import time has an unexpected type {stored.GetType().Name}"),
    };
}
