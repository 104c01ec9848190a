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

    /// <summary>The build buffers kept for the next build (one set; see <see cref="BuildBuffers"/>).</summary>
    private static BuildBuffers? s_spare;

    private readonly List<long> _ids = [];
    private readonly List<int> _titleLengths = [];
    private readonly List<int> _agencyLengths = [];
    private readonly List<int> _bodyLengths = [];
    private readonly List<TokenizedFields> _fields = [];

    public int DocumentCount => _ids.Count;

    /// <summary>Adds a report's normalised fields (<c>TextNormalizer.NormalizeToString</c> of each); ids must ascend.</summary>
    public void Add(long reportId, string normalizedTitle, string normalizedAgency, string normalizedBody) =>
        Add(reportId, TokenizedFields.Tokenize(normalizedTitle, normalizedAgency, normalizedBody));

    /// <summary>Adds a report tokenised beforehand (<see cref="TokenizedFields.Tokenize"/>); ids must ascend. Keeps <paramref name="fields"/> until <see cref="Build"/>.</summary>
    public void Add(long reportId, TokenizedFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (_ids.Count > 0 && reportId <= _ids[^1])
        {
            throw new ArgumentException("report ids must be added in ascending order", nameof(reportId));
        }

        _ids.Add(reportId);
        _titleLengths.Add(fields.TitleLength);
        _agencyLengths.Add(fields.AgencyLength);
        _bodyLengths.Add(fields.BodyLength);
        _fields.Add(fields);
    }

    /// <summary>
    /// The segment of every report added so far. Two passes over the reports' tokens: the first numbers the batch's
    /// distinct keys and sizes each key's records, the second copies every report's records [document, title count,
    /// agency count, body count, positions…] into one array, key after key, reports ascending; then the keys are
    /// written in key order. The working arrays are kept for the next build.
    /// </summary>
    public IndexSegment Build()
    {
        var buffers = Interlocked.Exchange(ref s_spare, null) ?? new BuildBuffers();
        var table = buffers.Table;
        table.Clear();
        var entries = 0;
        foreach (var fields in _fields)
        {
            entries += fields.KeyCount;
        }

        var keyIds = BuildBuffers.Ensure(ref buffers.KeyIds, entries);

        // pass 1: each report's keys numbered for the batch, each key's record length summed
        var sizes = buffers.Sizes;
        var e = 0;
        foreach (var fields in _fields)
        {
            var keys = fields.Keys;
            var positions = fields.Positions;
            var at = 0;
            for (var k = 0; k < keys.Length; k++)
            {
                var id = table.GetOrAdd(keys[k], out var added);
                if (added)
                {
                    if (id == sizes.Length)
                    {
                        Array.Resize(ref buffers.Sizes, sizes.Length * 2);
                        sizes = buffers.Sizes;
                    }

                    sizes[id] = 0;
                }

                var occurrences = TokenizedFields.ReadVarint(positions, ref at);
                var codes = TokenizedFields.ReadVarint(positions, ref at);
                at += codes; // the codes of its positions: read in pass 2
                sizes[id] += RecordHeader + occurrences;
                keyIds[e++] = id;
            }
        }

        // each key's end of records, moved from its start as the records are copied in
        var count = table.Count;
        var ends = BuildBuffers.Ensure(ref buffers.Ends, count);
        var total = 0L;
        for (var id = 0; id < count; id++)
        {
            ends[id] = (int)total;
            total += sizes[id];
        }

        if (total > Array.MaxLength)
        {
            throw new InvalidOperationException("too many positions for one segment");
        }

        // pass 2: the records, key by key, reports ascending
        var records = BuildBuffers.Ensure(ref buffers.Records, (int)total);
        e = 0;
        for (var document = 0; document < _fields.Count; document++)
        {
            var fields = _fields[document];
            var positions = fields.Positions;
            var agencyStart = fields.TitleLength + 1; // a position tells its field
            var bodyStart = agencyStart + fields.AgencyLength + 1;
            var read = 0;
            for (var k = 0; k < fields.KeyCount; k++)
            {
                var id = keyIds[e++];
                var at = ends[id];
                var occurrences = TokenizedFields.ReadVarint(positions, ref read);
                TokenizedFields.ReadVarint(positions, ref read);
                int title = 0, agency = 0, position = -1;
                for (var i = 0; i < occurrences; i++)
                {
                    position += TokenizedFields.ReadVarint(positions, ref read) + 1;
                    records[at + RecordHeader + i] = position;
                    if (position < bodyStart)
                    {
                        if (position < agencyStart)
                        {
                            title++;
                        }
                        else
                        {
                            agency++;
                        }
                    }
                }

                records[at] = document;
                records[at + 1] = title;
                records[at + 2] = agency;
                records[at + 3] = occurrences - title - agency;
                ends[id] = at + RecordHeader + occurrences;
            }
        }

        var sortedKeys = BuildBuffers.Ensure(ref buffers.SortedKeys, count);
        var sortedIds = BuildBuffers.Ensure(ref buffers.SortedIds, count);
        table.Keys.CopyTo(sortedKeys);
        for (var id = 0; id < count; id++)
        {
            sortedIds[id] = id;
        }

        sortedKeys.AsSpan(0, count).Sort(sortedIds.AsSpan(0, count));
        var writer = new SegmentWriter([.. _ids], [.. _titleLengths], [.. _agencyLengths], [.. _bodyLengths]);
        for (var i = 0; i < count; i++)
        {
            writer.BeginKey(sortedKeys[i]);
            var id = sortedIds[i];
            var end = ends[id];
            var at = end - sizes[id];
            while (at < end)
            {
                var positions = records[at + 1] + records[at + 2] + records[at + 3];
                writer.AddDocument(records[at], records[at + 1], records[at + 2], records[at + 3]);
                writer.AddPositions(records.AsSpan(at + RecordHeader, positions));
                at += RecordHeader + positions;
            }

            writer.EndKey();
        }

        var segment = IndexSegment.Load(writer.Finish());
        if (buffers.Records.Length <= BuildBuffers.MaxKeptRecords)
        {
            Volatile.Write(ref s_spare, buffers);
        }

        return segment;
    }

    /// <summary>
    /// The working arrays of <see cref="Build"/>, kept between builds (an import builds a segment per batch of 256
    /// reports: about a million record entries, a large-object-heap array the builder used to grow key by key in
    /// small arrays and throw away). Arrays only grow; a set that grew beyond <see cref="MaxKeptRecords"/> is not kept.
    /// </summary>
    private sealed class BuildBuffers
    {
        /// <summary>Record entries (4 bytes each) of the largest set kept: a batch of 256 reports takes about 1.1 million.</summary>
        public const int MaxKeptRecords = 4 * 1024 * 1024;

        public readonly TokenKeyTable Table = new(16 * 1024);
        public int[] KeyIds = new int[64 * 1024];
        public int[] Sizes = new int[16 * 1024];
        public int[] Ends = new int[16 * 1024];
        public int[] Records = new int[256 * 1024];
        public ulong[] SortedKeys = new ulong[16 * 1024];
        public int[] SortedIds = new int[16 * 1024];

        public static T[] Ensure<T>(ref T[] array, int length)
        {
            if (array.Length < length)
            {
                array = new T[Math.Max(length, (int)Math.Min(Array.MaxLength, array.Length * 2L))];
            }

            return array;
        }
    }
}
