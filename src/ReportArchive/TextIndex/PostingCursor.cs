using System.Runtime.CompilerServices;

namespace ReportArchive.TextIndex;

/// <summary>
/// Walks one key's postings in a segment: report by report, its per-field counts, and where its positions are
/// (read only on demand through <see cref="Positions"/>: skipping a report costs no position decoding).
/// </summary>
internal struct PostingCursor
{
    private readonly byte[] _data;
    private readonly byte[] _widths;
    private readonly int[] _spaces;
    private readonly int _documentShift;
    private long _documentBit;
    private int _remaining;
    private long _nextPositionBit;
    private long _positionBit;
    private int _shift;
    private int _quotients;

    public PostingCursor(IndexSegment segment, int keyIndex)
    {
        _data = segment.Data;
        _widths = segment.Widths;
        _spaces = segment.PositionSpaces;
        var offset = segment.PostingStart(keyIndex);
        DocumentFrequency = (int)PostingEncoding.ReadVarint(_data, ref offset);
        var documentBytes = (int)PostingEncoding.ReadVarint(_data, ref offset);
        _documentShift = PostingEncoding.DocumentShift(segment.DocumentCount, DocumentFrequency);
        _documentBit = (long)offset * 8;
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

    /// <summary>Where the current report's positions start in the segment's data, in bits.</summary>
    public readonly long PositionStartBit => _positionBit;

    /// <summary>How many bits the current report's positions take.</summary>
    public readonly long PositionBitLength => _nextPositionBit - _positionBit;

    /// <summary>The sum of the unary quotients of the current report's position gaps (0 for a single position).</summary>
    public readonly int PositionQuotients => _quotients;

    /// <summary>The current report's positions, ascending (title ones, then agency, then body): <see cref="Total"/> of them.</summary>
    public readonly PositionReader Positions => new(_data, _positionBit, _shift);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MoveNext()
    {
        if (_remaining == 0)
        {
            Document = int.MaxValue;
            return false;
        }

        _remaining--;
        var data = _data;
        var bit = _documentBit;
        var document = Document + 1 + PostingEncoding.ReadRice(data, ref bit, _documentShift);
        int title = 0, agency = 0, body = 1;
        var shape = PostingEncoding.Peek(data, bit);
        if ((shape & 1) != 0)
        {
            bit++; // once, in the body
        }
        else if ((shape & 2) != 0)
        {
            bit += 2;
            body = PostingEncoding.ReadGamma(data, ref bit) + 1;
        }
        else
        {
            bit += 2;
            body = PostingEncoding.ReadGamma(data, ref bit) - 1;
            title = PostingEncoding.ReadGamma(data, ref bit) - 1;
            agency = PostingEncoding.ReadGamma(data, ref bit) - 1;
        }

        var total = title + agency + body;
        _positionBit = _nextPositionBit;
        if (total == 1)
        {
            _shift = -_widths[document];
            _quotients = 0;
            _nextPositionBit += -_shift;
        }
        else
        {
            _shift = PostingEncoding.PositionShift(_spaces[document], total);
            _quotients = PostingEncoding.ReadGamma(data, ref bit) - 1;
            _nextPositionBit += ((long)total * (_shift + 1)) + _quotients;
        }

        _documentBit = bit;
        Document = document;
        Title = title;
        Agency = agency;
        Body = body;
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

    /// <summary>Decodes all the current report's positions into <paramref name="destination"/> (at least <see cref="Total"/> long).</summary>
    public readonly void CopyPositions(Span<int> destination)
    {
        var reader = Positions;
        var total = Total;
        for (var i = 0; i < total; i++)
        {
            destination[i] = reader.Next();
        }
    }
}
