namespace ReportArchive.Ingestion;

/// <summary>
/// A file's bytes as text: the encoding they were read as, and what a reader should know about that decision
/// (bytes replaced, an encoding guessed from evidence) — it goes into the report's warnings.
/// </summary>
public sealed record DecodedText(string Text, string Encoding, string? Warning);
