using System.Runtime.InteropServices;
using ReportArchive.Analysis.Tokenizers;

namespace ReportArchive.TextIndex;

/// <summary>
/// Builds an <see cref="IndexSegment"/> from reports added in ascending id order: every field's tokens
/// (<see cref="SegmentBigramEnumerator"/> with separators: the bigrams and segment-end unigrams of the normalised text, and a token for
/// each separator character) with their positions. Not thread-safe; one builder per batch.
/// </summary>
public sealed class SegmentBuilder
{
    private const int RecordHeader = 4; // document, title count, agency count, body count

    private readonly Dictionary<ulong, int> _keyIds = [];
    private readonly List<long> _ids = [];
    private readonly List<int> _titleLengths = [];
    private readonly List<int> _agencyLengths = [];
    private readonly List<int> _bodyLengths = [];

    // Per key: a stream of records [document, title count, agency count, body count, positions…].
    private int[][] _streams = new int[1024][];
    private int[] _streamLengths = new int[1024];
    private long _positionCount;

    public int DocumentCount => _ids.Count;

    /// <summary>Adds a report's normalised fields (<c>TextNormalizer.NormalizeToString</c> of each); ids must ascend.</summary>
    public void Add(long reportId, string normalizedTitle, string normalizedAgency, string normalizedBody) =>
        Add(reportId, TokenizedFields.Tokenize(normalizedTitle, normalizedAgency, normalizedBody));

    /// <summary>Adds a report tokenised beforehand (<see cref="TokenizedFields.Tokenize"/>); ids must ascend.</summary>
    public void Add(long reportId, TokenizedFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (_ids.Count > 0 && reportId <= _ids[^1])
        {
            throw new ArgumentException("report ids must be added in ascending order", nameof(reportId));
        }

        var document = _ids.Count;
        _ids.Add(reportId);
        _titleLengths.Add(fields.TitleLength);
        _agencyLengths.Add(fields.AgencyLength);
        _bodyLengths.Add(fields.BodyLength);
        var keys = fields.Keys;
        var counts = fields.Counts;
        var starts = fields.Starts;
        var positions = fields.Positions;
        for (var k = 0; k < keys.Length; k++)
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_keyIds, keys[k], out var exists);
            if (!exists)
            {
                slot = NewKey();
            }

            var id = slot;
            var count = starts[k + 1] - starts[k];
            ref var stream = ref _streams[id];
            var length = _streamLengths[id];
            if (length + RecordHeader + count > stream.Length)
            {
                Array.Resize(ref stream, Math.Max(stream.Length * 2, length + RecordHeader + count));
            }

            stream[length] = document;
            stream[length + 1] = counts[3 * k];
            stream[length + 2] = counts[(3 * k) + 1];
            stream[length + 3] = counts[(3 * k) + 2];
            positions.AsSpan(starts[k], count).CopyTo(stream.AsSpan(length + RecordHeader));
            _streamLengths[id] = length + RecordHeader + count;
        }

        _positionCount += positions.Length;
    }

    /// <summary>The segment of every report added so far.</summary>
    public IndexSegment Build()
    {
        var count = _keyIds.Count;
        var keys = new ulong[count];
        var ids = new int[count];
        var i = 0;
        foreach (var (key, id) in _keyIds)
        {
            keys[i] = key;
            ids[i] = id;
            i++;
        }

        Array.Sort(keys, ids);
        var writer = new SegmentWriter(
            [.. _ids], [.. _titleLengths], [.. _agencyLengths], [.. _bodyLengths],
            (int)Math.Min(int.MaxValue / 2, (_positionCount * 2) + (count * 8L) + 1024));
        for (i = 0; i < count; i++)
        {
            writer.BeginKey(keys[i]);
            var stream = _streams[ids[i]];
            var length = _streamLengths[ids[i]];
            var at = 0;
            while (at < length)
            {
                var total = stream[at + 1] + stream[at + 2] + stream[at + 3];
                writer.AddDocument(stream[at], stream[at + 1], stream[at + 2], stream[at + 3]);
                var end = at + RecordHeader + total;
                for (var p = at + RecordHeader; p < end; p++)
                {
                    writer.AddPosition(stream[p]);
                }

                at = end;
            }

            writer.EndKey();
        }

        return IndexSegment.Load(writer.Finish());
    }

    private int NewKey()
    {
        var id = _keyIds.Count - 1; // the dictionary already holds the new key
        if (id == _streams.Length)
        {
            var size = _streams.Length * 2;
            Array.Resize(ref _streams, size);
            Array.Resize(ref _streamLengths, size);
        }

        _streams[id] = new int[8];
        return id;
    }
}
