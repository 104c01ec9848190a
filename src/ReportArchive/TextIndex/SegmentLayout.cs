using System.Buffers.Binary;

namespace ReportArchive.TextIndex;

/// <summary>
/// The byte layout of a serialised <see cref="IndexSegment"/> (little-endian):
/// <list type="bullet">
/// <item>header (64 bytes): magic, version, document count, key count, the sums of the title, agency and body
/// lengths, and the offsets of the document table, the key table and the postings, and the postings' length;</item>
/// <item>document table: report ids (int64, ascending), then title, agency and body lengths (int32 each, UTF-16 units);</item>
/// <item>key table: the token keys (uint64, ascending), then K + 1 int32 offsets of each key's postings (relative to the postings);</item>
/// <item>postings of each key: varint document count (F), varint byte length of the document part, the document part,
/// the positions; both parts are bit streams, least significant bit first, each padded to a whole byte. Document part,
/// per report: the gap to the previous report's local number − 1 as a Rice code with parameter ⌊log2(D / F)⌋ (D the
/// segment's report count), then the counts: a bit 1 for the common case "once, in the body"; bits 0, 1 and an Elias
/// gamma code of the body count − 1 for "body only, more than once"; otherwise bits 0, 0 and gamma codes of body + 1,
/// title + 1 and agency + 1; when the report holds the key more than once, a gamma code of Q + 1 (Q: the sum of its position gaps' Rice quotients). Positions, per report: every
/// occurrence's position in the report's position space (title at 0, agency after the title and one unused position,
/// body after the agency and one unused position; the unused positions stop a phrase crossing fields; S = the sum of
/// the field lengths + 2): a single occurrence as a fixed-width field of the bit length of S, n ≥ 2 occurrences as the
/// gaps (position − previous − 1, the first from −1) Rice-coded with parameter k = ⌊log2(S / n)⌋ — n·(k + 1) + Q bits,
/// so reading the document part alone tells where any report's positions are without decoding the others';</item>
/// <item>8 zero bytes.</item>
/// </list>
/// Version 2 added a token for every separator character (version 1 indexed segment characters only); version 3 coded
/// the document part and the positions as bit streams (version 2: varints and one fixed width per report). A segment
/// of another version cannot be read (<see cref="OutdatedSegmentException"/>) and its reports must be indexed again.
/// </summary>
internal static class SegmentLayout
{
    public const uint Magic = 0x49544152; // "RATI"
    public const int Version = 3;
    public const int HeaderSize = 64;

    public const int DocumentsAt = 8;
    public const int KeysAt = 12;
    public const int TitleSumAt = 16;
    public const int AgencySumAt = 24;
    public const int BodySumAt = 32;
    public const int DocumentTableAt = 40;
    public const int KeyTableAt = 44;
    public const int PostingsAt = 48;
    public const int PostingsLengthAt = 52;

    /// <summary>The format version of serialised segment bytes, or null when they do not start with a segment header.</summary>
    public static int? ReadVersion(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 8 && BinaryPrimitives.ReadUInt32LittleEndian(bytes) == Magic ? BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]) : null;

    /// <summary>The largest serialised segment (SQLite's default limit for a value is 1,000,000,000 bytes).</summary>
    public const long MaxBytes = 900_000_000;
}
