namespace ReportArchive.Documents;

/// <summary>A report file as read from disk: its decoded text and the SHA-256 of its bytes.</summary>
public sealed record SourceDocument(string FileName, string Sha256, string Text, string Encoding)
{
    /// <summary>What reading the file decided that a reader should know (an encoding guessed, bytes replaced, which PDF reading was kept); the report's warnings begin with these.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
