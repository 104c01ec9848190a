namespace ReportArchive.Server.Uploads;

/// <summary>The answer to an upload: the report's id, and whether this upload created it (false: it was already stored).</summary>
public sealed record UploadedReport(long Id, bool Created, string FileName, Uri? SourceUrl);
