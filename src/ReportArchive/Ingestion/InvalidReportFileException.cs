namespace ReportArchive.Ingestion;

/// <summary>A file that cannot be imported; the message is the reason a user reads.</summary>
public sealed class InvalidReportFileException(string reason) : Exception(reason);
