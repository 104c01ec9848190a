namespace ReportArchive.TextIndex;

/// <summary>
/// The working buffers of a <see cref="SegmentWriter"/> (its postings, the current key's parts, the key table), kept
/// between segments: an import writes a segment per batch and merges them, one after another, and without a pool every
/// segment allocated its postings buffer and the key table's lists again (large-object-heap arrays that grew by
/// doubling and were thrown away, each one a step towards a full garbage collection). One set is kept; a writer that
/// finds it taken (two archives written at once) makes its own. A merge sizes the postings buffer once from its sources.
/// The set of a merge into 16,384 reports (about 40 MB) is kept: dropping it and allocating the next one (measured at
/// 100,000 reports) raised the import's peak working set by about 90 MB (the dropped buffer waits for a full
/// collection) and slowed it. A set grown beyond <see cref="MaxKeptBytes"/> (a merge of a much larger archive) is
/// dropped instead of kept.
/// </summary>
internal sealed class SegmentWriterBuffers
{
    /// <summary>The largest set kept for the next writer: the postings of a merged segment of 16,384 reports (about 40 MB) fit.</summary>
    public const long MaxKeptBytes = 96L * 1024 * 1024;

    private static SegmentWriterBuffers? s_spare;

    public ByteSink Postings { get; } = new(64 * 1024);

    public ByteSink Documents { get; } = new(1024);

    public ByteSink Positions { get; } = new(4096);

    public ulong[] Keys { get; set; } = new ulong[1024];

    public int[] Offsets { get; set; } = new int[1024];

    public int[] Records { get; set; } = new int[1280];

    private long Bytes =>
        Postings.Capacity + Documents.Capacity + Positions.Capacity + (Keys.Length * 8L) + (Offsets.Length * 4L)
        + (Records.Length * 4L);

    /// <summary>The kept set, emptied, or a new one.</summary>
    public static SegmentWriterBuffers Rent()
    {
        var buffers = Interlocked.Exchange(ref s_spare, null) ?? new SegmentWriterBuffers();
        buffers.Postings.Clear();
        buffers.Documents.Clear();
        buffers.Positions.Clear();
        return buffers;
    }

    /// <summary>Keeps <paramref name="buffers"/> for the next writer, unless they grew too large to keep.</summary>
    public static void Return(SegmentWriterBuffers buffers)
    {
        if (buffers.Bytes <= MaxKeptBytes)
        {
            Volatile.Write(ref s_spare, buffers);
        }
    }
}
