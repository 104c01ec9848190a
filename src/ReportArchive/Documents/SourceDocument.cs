namespace ReportArchive.Documents;

/// <summary>A report file as read from disk: its decoded text and the SHA-256 of its bytes.</summary>
public sealed record SourceDocument(string FileName, string Sha256, string Text, string Encoding)
{
    /// <summary>What the reading of the file says about its text (e.g. which PDF reading was kept); the report's warnings begin with these.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
