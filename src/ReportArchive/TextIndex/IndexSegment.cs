using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace ReportArchive.TextIndex;

/// <summary>
/// An immutable piece of the positional bigram index: the reports of one batch (or of merged batches), ascending by
/// report id, each with three fields (title, agency, body), and every token key's postings. Held as its serialised
/// bytes (<see cref="SegmentLayout"/>) and searched in place: loading builds no per-key objects, only a few numbers per
/// report (its field lengths, position space and the bit width of a single position).
/// </summary>
public sealed class IndexSegment
{
    private readonly int _documentTable;
    private readonly int _keyTable;

    private IndexSegment(byte[] data)
    {
        var span = data.AsSpan();
        if (data.Length < SegmentLayout.HeaderSize + PostingEncoding.Padding
            || BinaryPrimitives.ReadUInt32LittleEndian(span) != SegmentLayout.Magic)
        {
            throw new InvalidDataException("not a text index segment");
        }

        var version = BinaryPrimitives.ReadInt32LittleEndian(span[4..]);
        if (version != SegmentLayout.Version)
        {
            throw new OutdatedSegmentException(version, SegmentLayout.Version);
        }

        Data = data;
        DocumentCount = BinaryPrimitives.ReadInt32LittleEndian(span[SegmentLayout.DocumentsAt..]);
        KeyCount = BinaryPrimitives.ReadInt32LittleEndian(span[SegmentLayout.KeysAt..]);
        TitleLengthSum = BinaryPrimitives.ReadInt64LittleEndian(span[SegmentLayout.TitleSumAt..]);
        AgencyLengthSum = BinaryPrimitives.ReadInt64LittleEndian(span[SegmentLayout.AgencySumAt..]);
        BodyLengthSum = BinaryPrimitives.ReadInt64LittleEndian(span[SegmentLayout.BodySumAt..]);
        _documentTable = BinaryPrimitives.ReadInt32LittleEndian(span[SegmentLayout.DocumentTableAt..]);
        _keyTable = BinaryPrimitives.ReadInt32LittleEndian(span[SegmentLayout.KeyTableAt..]);
        PostingsOffset = BinaryPrimitives.ReadInt32LittleEndian(span[SegmentLayout.PostingsAt..]);
        var postingsLength = BinaryPrimitives.ReadInt32LittleEndian(span[SegmentLayout.PostingsLengthAt..]);
        if (DocumentCount < 0 || KeyCount < 0 || _documentTable + (20L * DocumentCount) > _keyTable
            || _keyTable + (12L * KeyCount) + 4 > PostingsOffset
            || (long)PostingsOffset + postingsLength + PostingEncoding.Padding != data.Length)
        {
            throw new InvalidDataException("text index segment is truncated or malformed");
        }

        Widths = new byte[DocumentCount];
        PositionSpaces = new int[DocumentCount];
        TitleLengths = Lengths(0).ToArray();
        AgencyLengths = Lengths(1).ToArray();
        BodyLengths = Lengths(2).ToArray();
        for (var i = 0; i < DocumentCount; i++)
        {
            Widths[i] = (byte)PostingEncoding.PositionWidth(TitleLengths[i], AgencyLengths[i], BodyLengths[i]);
            PositionSpaces[i] = TitleLengths[i] + AgencyLengths[i] + BodyLengths[i] + 2;
        }

        if (DocumentCount > 0)
        {
            FirstReportId = ReportId(0);
            LastReportId = ReportId(DocumentCount - 1);
        }
    }

    /// <summary>The reports in the segment (deleted ones included until a merge drops them).</summary>
    public int DocumentCount { get; }

    /// <summary>The number of distinct token keys.</summary>
    public int KeyCount { get; }

    /// <summary>The smallest report id (0 when the segment is empty).</summary>
    public long FirstReportId { get; }

    /// <summary>The largest report id (0 when the segment is empty).</summary>
    public long LastReportId { get; }

    /// <summary>The serialised size in bytes.</summary>
    public int ByteCount => Data.Length;

    internal byte[] Data { get; }

    /// <summary>The bit width of each report's position when a key occurs in it once.</summary>
    internal byte[] Widths { get; }

    /// <summary>Each report's position space: the sum of its field lengths + 2 (positions are below it).</summary>
    internal int[] PositionSpaces { get; }

    internal int PostingsOffset { get; }

    /// <summary>Each report's field lengths in UTF-16 units (copied at load for the scorer).</summary>
    internal int[] TitleLengths { get; }

    internal int[] AgencyLengths { get; }

    internal int[] BodyLengths { get; }

    internal long TitleLengthSum { get; }

    internal long AgencyLengthSum { get; }

    internal long BodyLengthSum { get; }

    /// <summary>
    /// True when <paramref name="bytes"/> start with the header of a segment of the current format version; false for
    /// another version (its reports must be indexed again) or bytes that are not a segment. Reads the first 8 bytes only.
    /// </summary>
    public static bool IsCurrentFormat(ReadOnlySpan<byte> bytes) => SegmentLayout.ReadVersion(bytes) == SegmentLayout.Version;

    /// <summary>
    /// Reads a segment from its bytes (kept, not copied: the caller must not change them). Throws
    /// <see cref="OutdatedSegmentException"/> for a segment of another format version, <see cref="InvalidDataException"/>
    /// for bytes that are not a segment.
    /// </summary>
    public static IndexSegment Load(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return new IndexSegment(bytes);
    }

    /// <summary>
    /// One segment holding the reports of all <paramref name="segments"/> that <paramref name="keepReport"/> keeps
    /// (deleted reports are dropped), as if built from them at once.
    /// </summary>
    public static IndexSegment Merge(IReadOnlyList<IndexSegment> segments, Func<long, bool> keepReport) =>
        SegmentMerger.Merge(segments, keepReport);

    /// <summary>The serialised segment (the array the segment reads from: do not change it).</summary>
    public byte[] ToBytes() => Data;

    /// <summary>The report ids, ascending.</summary>
    public long[] ReportIds() => ReportIdSpan.ToArray();

    /// <summary>The report ids, ascending, read in place.</summary>
    internal ReadOnlySpan<long> ReportIdSpan => MemoryMarshal.Cast<byte, long>(Data.AsSpan(_documentTable, DocumentCount * 8));

    internal long ReportId(int document) =>
        BinaryPrimitives.ReadInt64LittleEndian(Data.AsSpan(_documentTable + (document * 8)));

    /// <summary>Lengths of one field (0 title, 1 agency, 2 body) of every report.</summary>
    private ReadOnlySpan<int> Lengths(int field) =>
        MemoryMarshal.Cast<byte, int>(Data.AsSpan(_documentTable + (DocumentCount * 8) + (field * DocumentCount * 4), DocumentCount * 4));

    internal ReadOnlySpan<ulong> Keys => MemoryMarshal.Cast<byte, ulong>(Data.AsSpan(_keyTable, KeyCount * 8));

    /// <summary>The index of <paramref name="key"/> in the key table, or -1.</summary>
    internal int FindKey(ulong key)
    {
        var index = Keys.BinarySearch(key);
        return index >= 0 ? index : -1;
    }

    /// <summary>The key indexes [From, To) whose keys lie in [low, high].</summary>
    internal (int From, int To) KeyRange(ulong low, ulong high)
    {
        var keys = Keys;
        return (LowerBound(keys, low), high == ulong.MaxValue ? keys.Length : LowerBound(keys, high + 1));
    }

    /// <summary>Where the postings of a key start in <see cref="Data"/>.</summary>
    internal int PostingStart(int keyIndex) =>
        PostingsOffset + BinaryPrimitives.ReadInt32LittleEndian(Data.AsSpan(_keyTable + (KeyCount * 8) + (keyIndex * 4)));

    /// <summary>How many reports contain the key.</summary>
    internal int DocumentFrequency(int keyIndex)
    {
        var offset = PostingStart(keyIndex);
        return (int)PostingEncoding.ReadVarint(Data, ref offset);
    }

    private static int LowerBound(ReadOnlySpan<ulong> keys, ulong value)
    {
        int low = 0, high = keys.Length;
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (keys[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
