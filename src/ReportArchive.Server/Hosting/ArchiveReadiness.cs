namespace ReportArchive.Server.Hosting;

/// <summary>Whether the server can serve yet: false while the first-start import of the seeds runs.</summary>
public sealed class ArchiveReadiness
{
    private volatile string? _notReadyReason = "starting";

    public bool IsReady => _notReadyReason is null;

    public string? NotReadyReason => _notReadyReason;

    public void Starting(string reason) => _notReadyReason = reason;

    public void Ready() => _notReadyReason = null;
}
