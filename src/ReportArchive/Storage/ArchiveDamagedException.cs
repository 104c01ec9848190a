namespace ReportArchive.Storage;

/// <summary>
/// The archive was found damaged (<see cref="ArchiveDatabase.MarkDamaged"/>): writes are refused so nothing is
/// added onto a corrupt file; the message says what was found.
/// </summary>
public sealed class ArchiveDamagedException(string message) : IOException(message);
