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
    private readonly List<ulong> _keys = [];
    private readonly List<int> _offsets = [];
    private readonly ByteSink _postings;
    private readonly ByteSink _documents = new(1024);
    private readonly ByteSink _positions = new(4096);
    private ulong _key;
    private bool _inKey;
    private int _documentCount;
    private int _previousDocument;
    private int _pendingPositions;
    private int _width;

    public SegmentWriter(long[] ids, int[] titleLengths, int[] agencyLengths, int[] bodyLengths, int expectedPostingBytes)
    {
        _ids = ids;
        _titleLengths = titleLengths;
        _agencyLengths = agencyLengths;
        _bodyLengths = bodyLengths;
        _widths = new byte[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            _widths[i] = (byte)PostingEncoding.PositionWidth(titleLengths[i], agencyLengths[i], bodyLengths[i]);
        }

        _postings = new ByteSink(expectedPostingBytes);
    }

    public void BeginKey(ulong key)
    {
        if (_inKey || (_keys.Count > 0 && key <= _keys[^1]))
        {
            throw new InvalidOperationException("keys must be written once each, in ascending order");
        }

        _key = key;
        _inKey = true;
        _documentCount = 0;
        _previousDocument = -1;
        _pendingPositions = 0;
        _documents.Clear();
        _positions.Clear();
    }

    /// <summary>Starts a report of the current key; exactly title + agency + body positions follow.</summary>
    public void AddDocument(int document, int title, int agency, int body)
    {
        if (_pendingPositions != 0 || document <= _previousDocument || title + agency + body <= 0)
        {
            throw new InvalidOperationException("a key's reports ascend, each with at least one position, all positions given");
        }

        var delta = (ulong)(document - _previousDocument);
        if (title == 0 && agency == 0 && body == 1)
        {
            _documents.WriteVarint((delta << 1) | 1);
        }
        else
        {
            _documents.WriteVarint(delta << 1);
            var other = title + agency > 0;
            _documents.WriteVarint(((ulong)body << 1) | (other ? 1UL : 0));
            if (other)
            {
                _documents.WriteVarint((ulong)title);
                _documents.WriteVarint((ulong)agency);
            }
        }

        _previousDocument = document;
        _documentCount++;
        _pendingPositions = title + agency + body;
        _width = _widths[document];
    }

    public void AddPosition(int position)
    {
        _positions.WriteBits(position, _width);
        _pendingPositions--;
    }

    public void EndKey()
    {
        if (_pendingPositions != 0)
        {
            throw new InvalidOperationException("positions missing");
        }

        _inKey = false;
        if (_documentCount == 0)
        {
            return; // every report of the key was dropped
        }

        _positions.FlushBits();
        _keys.Add(_key);
        _offsets.Add(_postings.Length);
        _postings.WriteVarint((ulong)_documentCount);
        _postings.WriteVarint((ulong)_documents.Length);
        _postings.Write(_documents.Written);
        _postings.Write(_positions.Written);
    }

    public byte[] Finish()
    {
        var documents = _ids.Length;
        var keys = _keys.Count;
        var documentTable = SegmentLayout.HeaderSize;
        var keyTable = documentTable + (documents * 20);
        keyTable = (keyTable + 7) & ~7;
        var postings = keyTable + (keys * 8) + ((keys + 1) * 4);
        var total = (long)postings + _postings.Length + PostingEncoding.Padding;
        if (total > SegmentLayout.MaxBytes)
        {
            throw new InvalidOperationException($"a segment of {total} bytes is over the limit of {SegmentLayout.MaxBytes}");
        }

        var bytes = new byte[total];
        var span = bytes.AsSpan();
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

        foreach (var lengths in new[] { _titleLengths, _agencyLengths, _bodyLengths })
        {
            foreach (var length in lengths)
            {
                BinaryPrimitives.WriteInt32LittleEndian(span[at..], length);
                at += 4;
            }
        }

        at = keyTable;
        foreach (var key in _keys)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(span[at..], key);
            at += 8;
        }

        foreach (var offset in _offsets)
        {
            BinaryPrimitives.WriteInt32LittleEndian(span[at..], offset);
            at += 4;
        }

        BinaryPrimitives.WriteInt32LittleEndian(span[at..], _postings.Length);
        _postings.Written.CopyTo(span[postings..]);
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
