namespace ReportArchive.Storage;

/// <summary>A stored row that cannot be decoded (a text that does not decompress, say): the archive file is damaged there.</summary>
public sealed class DamagedRowException(string message, Exception inner) : IOException(message, inner);
