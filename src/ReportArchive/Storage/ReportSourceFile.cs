namespace ReportArchive.Storage;

/// <summary>The original bytes of a report file, their media type and where the file came from (when known).</summary>
public sealed record ReportSourceFile(string ContentType, Uri? SourceUrl, ReadOnlyMemory<byte> Bytes);
