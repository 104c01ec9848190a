namespace ReportArchive.Documents;

/// <summary>A report file as read from disk: its decoded text and the SHA-256 of its bytes.</summary>
public sealed record SourceDocument(string FileName, string Sha256, string Text, string Encoding);
