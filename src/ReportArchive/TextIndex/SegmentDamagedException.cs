namespace ReportArchive.TextIndex;

/// <summary>A stored text index segment whose bytes do not match their checksum, or that has none (<see cref="SegmentChecksum"/>).</summary>
public sealed class SegmentDamagedException(string message) : IOException(message);
