using System.IO.Hashing;

namespace ReportArchive.TextIndex;

/// <summary>
/// The checksum stored beside each segment's bytes (column <c>checksum</c>, migration 0010): XXH3 64-bit of the
/// serialised segment, as a signed integer for SQLite. A flipped bit in a segment passes SQLite's
/// <c>integrity_check</c> (the page structure is sound) but not this; it is verified whenever a segment is read back.
/// XXH3 hashes at memory speed, so verifying costs little beside reading the BLOB.
/// </summary>
public static class SegmentChecksum
{
    public static long Of(ReadOnlySpan<byte> bytes) => unchecked((long)XxHash3.HashToUInt64(bytes));
}
