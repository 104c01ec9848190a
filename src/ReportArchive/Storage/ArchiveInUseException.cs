namespace ReportArchive.Storage;

/// <summary>The archive's lock (<see cref="ArchiveLock"/>) is held by another process: a running server, or a restore.</summary>
public sealed class ArchiveInUseException(string message, Exception inner) : IOException(message, inner);
