namespace ReportArchive.TextIndex;

/// <summary>
/// A text index segment written in another format version than this build reads (<see cref="IndexSegment.Load"/>):
/// the archive's segments must be dropped and its reports indexed again.
/// </summary>
public sealed class OutdatedSegmentException : Exception
{
    public OutdatedSegmentException()
        : base("text index segment of another format version")
    {
    }

    public OutdatedSegmentException(string message)
        : base(message)
    {
    }

    public OutdatedSegmentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OutdatedSegmentException(int version, int currentVersion)
        : base($"text index segment of format version {version}; this build reads version {currentVersion}: index the reports again")
    {
        Version = version;
    }

    /// <summary>The version the segment was written in.</summary>
    public int Version { get; }
}
