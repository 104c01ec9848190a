using System.Buffers.Binary;

namespace ReportArchive.TextIndex;

/// <summary>
/// Serialises a segment: the document table given up front, then keys in ascending order, each with its reports
/// (ascending local document numbers) and their positions. Shared by <see cref="SegmentBuilder"/> and merging.
/// </summary>
internal sealed class SegmentWriter
{
    private readonly long[] _ids;
    private readonly int[] _titleLengths;
    private readonly int[] _agencyLengths;
    private readonly int[] _bodyLengths;
    private readonly byte[] _widths;
    private readonly int[] _spaces;
    private readonly SegmentWriterBuffers _buffers;
    private readonly ByteSink _postings;
    private readonly ByteSink _documents;
    private readonly ByteSink _positions;
    private ulong[] _keys;
    private int[] _offsets;
    private int _keyCount;
    private ulong _key;
    private bool _inKey;
    private bool _finished;
    private int _previousDocument;
    private int _pendingPositions;

    // The current report's position coding: its position space, the Rice parameter of its gaps (or minus the field
    // width of a single position), the last position and the sum of the gaps' quotients so far.
    private int _space;
    private int _shift;
    private int _last;
    private int _quotients;

    // The current key's reports [document, title, agency, body, quotients]: the document part is encoded at EndKey
    // (the document gaps' Rice parameter depends on how many reports hold the key); positions are encoded as they come.
    private const int RecordSize = 5;
    private int[] _records;
    private int _recordLength;

    /// <summary>
    /// A writer of the given document table; its working buffers come from <see cref="SegmentWriterBuffers"/> and go
    /// back at <see cref="Finish"/>, so writing segment after segment (an import's batches and merges) allocates little
    /// more than each finished segment's array.
    /// </summary>
    /// <param name="expectedPostingBytes">How large the postings will be, about (a merge: its sources' size), so the buffer grows once.</param>
    public SegmentWriter(long[] ids, int[] titleLengths, int[] agencyLengths, int[] bodyLengths, int expectedPostingBytes = 0)
    {
        _ids = ids;
        _titleLengths = titleLengths;
        _agencyLengths = agencyLengths;
        _bodyLengths = bodyLengths;
        _widths = new byte[ids.Length];
        _spaces = new int[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            _widths[i] = (byte)PostingEncoding.PositionWidth(titleLengths[i], agencyLengths[i], bodyLengths[i]);
            _spaces[i] = titleLengths[i] + agencyLengths[i] + bodyLengths[i] + 2;
        }

        _buffers = SegmentWriterBuffers.Rent();
        _postings = _buffers.Postings;
        _postings.Reserve(expectedPostingBytes);
        _documents = _buffers.Documents;
        _positions = _buffers.Positions;
        _keys = _buffers.Keys;
        _offsets = _buffers.Offsets;
        _records = _buffers.Records;
    }

    public void BeginKey(ulong key)
    {
        if (_finished || _inKey || (_keyCount > 0 && key <= _keys[_keyCount - 1]))
        {
            throw new InvalidOperationException("keys must be written once each, in ascending order");
        }

        _key = key;
        _inKey = true;
        _previousDocument = -1;
        _pendingPositions = 0;
        _recordLength = 0;
        _documents.Clear();
        _positions.Clear();
    }

    /// <summary>Starts a report of the current key; exactly title + agency + body positions follow, ascending.</summary>
    public void AddDocument(int document, int title, int agency, int body)
    {
        StartRecord(document, title, agency, body);
        var total = title + agency + body;
        _space = _spaces[document];
        _shift = total == 1 ? -_widths[document] : PostingEncoding.PositionShift(_space, total);
        _last = -1;
        _quotients = 0;
        _pendingPositions = total;
    }

    /// <summary>
    /// Adds a report of the current key whose positions are already encoded: <paramref name="bitCount"/> bits of
    /// <paramref name="source"/> from bit <paramref name="bit"/> on, coded for the same field lengths and counts
    /// (position codes depend on nothing else), with <paramref name="quotients"/> the sum of their gaps' Rice quotients
    /// (0 for a single position). A merge copies positions this way instead of decoding and encoding them again.
    /// </summary>
    public void AddEncodedDocument(int document, int title, int agency, int body, int quotients, byte[] source, long bit, long bitCount)
    {
        StartRecord(document, title, agency, body);
        _records[_recordLength - 1] = quotients;
        _positions.WriteBitsFrom(source, bit, bitCount);
    }

    public void AddPosition(int position)
    {
        if (_pendingPositions <= 0)
        {
            throw new InvalidOperationException("more positions than the report's counts");
        }

        Encode(position);
    }

    /// <summary>Adds several positions of the current report at once (as <see cref="AddPosition"/> each).</summary>
    public void AddPositions(ReadOnlySpan<int> positions)
    {
        if (positions.Length > _pendingPositions)
        {
            throw new InvalidOperationException("more positions than the report's counts");
        }

        foreach (var position in positions)
        {
            Encode(position);
        }
    }

    public void EndKey()
    {
        if (_pendingPositions != 0)
        {
            throw new InvalidOperationException("positions missing");
        }

        _inKey = false;
        var documentCount = _recordLength / RecordSize;
        if (documentCount == 0)
        {
            return; // every report of the key was dropped
        }

        var documentShift = PostingEncoding.DocumentShift(_ids.Length, documentCount);
        var previous = -1;
        for (var r = 0; r < _recordLength; r += RecordSize)
        {
            int document = _records[r], title = _records[r + 1], agency = _records[r + 2], body = _records[r + 3];
            _documents.WriteRice(document - previous - 1, documentShift);
            previous = document;
            if (title + agency == 0 && body == 1)
            {
                _documents.WriteBits(1, 1);
            }
            else if (title + agency == 0)
            {
                _documents.WriteBits(2, 2);
                _documents.WriteGamma(body - 1);
            }
            else
            {
                _documents.WriteBits(0, 2);
                _documents.WriteGamma(body + 1);
                _documents.WriteGamma(title + 1);
                _documents.WriteGamma(agency + 1);
            }

            // the sum of the gaps' quotients tells where the next report's positions start
            if (title + agency + body > 1)
            {
                _documents.WriteGamma(_records[r + 4] + 1);
            }
        }

        _documents.FlushBits();
        _positions.FlushBits();
        if (_keyCount == _keys.Length)
        {
            Array.Resize(ref _keys, _keys.Length * 2);
            Array.Resize(ref _offsets, _offsets.Length * 2);
        }

        _keys[_keyCount] = _key;
        _offsets[_keyCount] = _postings.Length;
        _keyCount++;
        _postings.WriteVarint((ulong)documentCount);
        _postings.WriteVarint((ulong)_documents.Length);
        _postings.Write(_documents.Written);
        _postings.Write(_positions.Written);
    }

    private void StartRecord(int document, int title, int agency, int body)
    {
        if (!_inKey || _pendingPositions != 0 || document <= _previousDocument || document >= _ids.Length
            || title < 0 || agency < 0 || body < 0 || title + agency + body <= 0)
        {
            throw new InvalidOperationException("a key's reports ascend, each with at least one position, all positions given");
        }

        if (_recordLength + RecordSize > _records.Length)
        {
            Array.Resize(ref _records, _records.Length * 2);
        }

        _records[_recordLength++] = document;
        _records[_recordLength++] = title;
        _records[_recordLength++] = agency;
        _records[_recordLength++] = body;
        _records[_recordLength++] = 0;
        _previousDocument = document;
    }

    /// <summary>Encodes the current report's next position: a fixed-width field when it is the only one, else its Rice-coded gap.</summary>
    private void Encode(int position)
    {
        if (position <= _last || position >= _space)
        {
            throw new InvalidOperationException("a report's positions ascend inside its position space");
        }

        if (_shift < 0)
        {
            _positions.WriteBits(position, -_shift);
        }
        else
        {
            var gap = position - _last - 1;
            _quotients += gap >> _shift;
            _positions.WriteRice(gap, _shift);
        }

        _last = position;
        if (--_pendingPositions == 0)
        {
            _records[_recordLength - 1] = _quotients;
        }
    }

    /// <summary>The segment's bytes, in one array of their exact size; the writer's buffers go back to the pool.</summary>
    public byte[] Finish()
    {
        if (_finished || _inKey)
        {
            throw new InvalidOperationException("the writer is finished, or a key is not ended");
        }

        var documents = _ids.Length;
        var keys = _keyCount;
        var documentTable = SegmentLayout.HeaderSize;
        var keyTable = documentTable + (documents * 20);
        keyTable = (keyTable + 7) & ~7;
        var postings = keyTable + (keys * 8) + ((keys + 1) * 4);
        var total = (long)postings + _postings.Length + PostingEncoding.Padding;
        if (total > SegmentLayout.MaxBytes)
        {
            throw new InvalidOperationException($"a segment of {total} bytes is over the limit of {SegmentLayout.MaxBytes}");
        }

        // every byte is written below: the header's unused bytes, the alignment gap and the padding are cleared
        var bytes = GC.AllocateUninitializedArray<byte>((int)total);
        var span = bytes.AsSpan();
        span[..SegmentLayout.HeaderSize].Clear();
        span[(documentTable + (documents * 20))..keyTable].Clear();
        span[^PostingEncoding.Padding..].Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(span, SegmentLayout.Magic);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], SegmentLayout.Version);
        BinaryPrimitives.WriteInt32LittleEndian(span[SegmentLayout.DocumentsAt..], documents);
        BinaryPrimitives.WriteInt32LittleEndian(span[SegmentLayout.KeysAt..], keys);
        BinaryPrimitives.WriteInt64LittleEndian(span[SegmentLayout.TitleSumAt..], Sum(_titleLengths));
        BinaryPrimitives.WriteInt64LittleEndian(span[SegmentLayout.AgencySumAt..], Sum(_agencyLengths));
        BinaryPrimitives.WriteInt64LittleEndian(span[SegmentLayout.BodySumAt..], Sum(_bodyLengths));
        BinaryPrimitives.WriteInt32LittleEndian(span[SegmentLayout.DocumentTableAt..], documentTable);
        BinaryPrimitives.WriteInt32LittleEndian(span[SegmentLayout.KeyTableAt..], keyTable);
        BinaryPrimitives.WriteInt32LittleEndian(span[SegmentLayout.PostingsAt..], postings);
        BinaryPrimitives.WriteInt32LittleEndian(span[SegmentLayout.PostingsLengthAt..], _postings.Length);

        var at = documentTable;
        foreach (var id in _ids)
        {
            BinaryPrimitives.WriteInt64LittleEndian(span[at..], id);
            at += 8;
        }

        foreach (var lengths in (int[][])[_titleLengths, _agencyLengths, _bodyLengths])
        {
            foreach (var length in lengths)
            {
                BinaryPrimitives.WriteInt32LittleEndian(span[at..], length);
                at += 4;
            }
        }

        at = keyTable;
        for (var k = 0; k < keys; k++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(span[at..], _keys[k]);
            at += 8;
        }

        for (var k = 0; k < keys; k++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(span[at..], _offsets[k]);
            at += 4;
        }

        BinaryPrimitives.WriteInt32LittleEndian(span[at..], _postings.Length);
        _postings.Written.CopyTo(span[postings..]);

        _finished = true;
        _buffers.Keys = _keys;
        _buffers.Offsets = _offsets;
        _buffers.Records = _records;
        SegmentWriterBuffers.Return(_buffers);
        return bytes;
    }

    private static long Sum(int[] values)
    {
        long sum = 0;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum;
    }
}
