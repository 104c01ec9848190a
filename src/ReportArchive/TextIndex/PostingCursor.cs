using System.Runtime.CompilerServices;

namespace ReportArchive.TextIndex;

/// <summary>
/// Walks one key's postings in a segment: report by report, its per-field counts, and where its positions are
/// (read only on demand: skipping a report costs no position decoding).
/// </summary>
internal struct PostingCursor
{
    private readonly byte[] _data;
    private readonly byte[] _widths;
    private int _offset;
    private int _remaining;
    private long _nextPositionBit;

    public PostingCursor(IndexSegment segment, int keyIndex)
    {
        _data = segment.Data;
        _widths = segment.Widths;
        var offset = segment.PostingStart(keyIndex);
        DocumentFrequency = (int)PostingEncoding.ReadVarint(_data, ref offset);
        var documentBytes = (int)PostingEncoding.ReadVarint(_data, ref offset);
        _offset = offset;
        _nextPositionBit = (long)(offset + documentBytes) * 8;
        _remaining = DocumentFrequency;
        Document = -1;
    }

    /// <summary>The current report's local number (-1 before the first, <see cref="int.MaxValue"/> after the last).</summary>
    public int Document { get; private set; }

    public int DocumentFrequency { get; }

    public int Title { get; private set; }

    public int Agency { get; private set; }

    public int Body { get; private set; }

    public readonly int Total => Title + Agency + Body;

    private int Width { get; set; }

    private long PositionBit { get; set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MoveNext()
    {
        if (_remaining == 0)
        {
            Document = int.MaxValue;
            return false;
        }

        _remaining--;
        var code = PostingEncoding.ReadVarint(_data, ref _offset);
        Document += (int)(code >> 1);
        if ((code & 1) != 0)
        {
            Title = 0;
            Agency = 0;
            Body = 1;
        }
        else
        {
            var counts = PostingEncoding.ReadVarint(_data, ref _offset);
            Body = (int)(counts >> 1);
            if ((counts & 1) != 0)
            {
                Title = (int)PostingEncoding.ReadVarint(_data, ref _offset);
                Agency = (int)PostingEncoding.ReadVarint(_data, ref _offset);
            }
            else
            {
                Title = 0;
                Agency = 0;
            }
        }

        Width = _widths[Document];
        PositionBit = _nextPositionBit;
        _nextPositionBit += (long)(Title + Agency + Body) * Width;
        return true;
    }

    /// <summary>Moves to the first report at or after <paramref name="target"/>; false when there is none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool SkipTo(int target)
    {
        while (Document < target)
        {
            if (!MoveNext())
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The current report's <paramref name="index"/>-th position (ascending).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int Position(int index) => PostingEncoding.ReadBits(_data, PositionBit + ((long)index * Width), Width);
}
