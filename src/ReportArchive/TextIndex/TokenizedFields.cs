using ReportArchive.Analysis.Tokenizers;

namespace ReportArchive.TextIndex;

/// <summary>
/// A report's three normalised fields tokenised for the index (<see cref="SegmentBigramEnumerator"/> with separators): each distinct
/// token key with its title, agency and body counts and its positions in the report's position space. Made without the
/// report id, so an import can tokenise in its parallel stage and the write transaction only copies
/// (<see cref="SegmentBuilder.Add(long, TokenizedFields)"/>). Immutable.
/// </summary>
public sealed class TokenizedFields
{
    [ThreadStatic]
    private static Scratch? t_scratch;

    private TokenizedFields(int titleLength, int agencyLength, int bodyLength, ulong[] keys, int[] counts, int[] starts, int[] positions)
    {
        TitleLength = titleLength;
        AgencyLength = agencyLength;
        BodyLength = bodyLength;
        Keys = keys;
        Counts = counts;
        Starts = starts;
        Positions = positions;
    }

    /// <summary>The number of distinct tokens.</summary>
    public int KeyCount => Keys.Length;

    /// <summary>The number of token occurrences (positions) over the three fields.</summary>
    public int TokenCount => Positions.Length;

    internal int TitleLength { get; }

    internal int AgencyLength { get; }

    internal int BodyLength { get; }

    /// <summary>The distinct token keys, in the order of their first occurrence.</summary>
    internal ulong[] Keys { get; }

    /// <summary>Per key: title, agency and body counts (three entries a key).</summary>
    internal int[] Counts { get; }

    /// <summary>Per key: where its positions start in <see cref="Positions"/> (K + 1 entries).</summary>
    internal int[] Starts { get; }

    /// <summary>Every key's positions, ascending, key after key.</summary>
    internal int[] Positions { get; }

    /// <summary>Tokenises a report's normalised fields (<c>TextNormalizer.NormalizeToString</c> of each).</summary>
    public static TokenizedFields Tokenize(string normalizedTitle, string normalizedAgency, string normalizedBody)
    {
        ArgumentNullException.ThrowIfNull(normalizedTitle);
        ArgumentNullException.ThrowIfNull(normalizedAgency);
        ArgumentNullException.ThrowIfNull(normalizedBody);
        if ((long)normalizedTitle.Length + normalizedAgency.Length + normalizedBody.Length > int.MaxValue / 2)
        {
            throw new ArgumentException("report too long to index", nameof(normalizedBody));
        }

        // the per-report work happens in buffers kept per thread (the import tokenises on every core): only the
        // four arrays the report keeps are allocated
        var scratch = t_scratch ??= new Scratch();
        var capacity = normalizedTitle.Length + normalizedAgency.Length + normalizedBody.Length;
        scratch.Reset(capacity);
        scratch.Collect(normalizedTitle, 0, 0);
        scratch.Collect(normalizedAgency, normalizedTitle.Length + 1, 1);
        scratch.Collect(normalizedBody, normalizedTitle.Length + normalizedAgency.Length + 2, 2);
        var keyCount = scratch.Table.Count;
        var tokens = scratch.Tokens;
        var counts = scratch.Counts.AsSpan(0, 3 * keyCount).ToArray();

        // group the positions by key (a counting sort keeps each key's positions ascending)
        var starts = new int[keyCount + 1];
        for (var k = 0; k < keyCount; k++)
        {
            starts[k + 1] = starts[k] + counts[3 * k] + counts[(3 * k) + 1] + counts[(3 * k) + 2];
        }

        var next = scratch.Next;
        starts.AsSpan(0, keyCount).CopyTo(next);
        var positions = new int[tokens];
        var tokenIds = scratch.TokenIds;
        var tokenPositions = scratch.TokenPositions;
        for (var i = 0; i < tokens; i++)
        {
            positions[next[tokenIds[i]]++] = tokenPositions[i];
        }

        return new TokenizedFields(
            normalizedTitle.Length, normalizedAgency.Length, normalizedBody.Length, scratch.Table.Keys.ToArray(), counts, starts, positions);
    }

    /// <summary>One thread's buffers for <see cref="Tokenize"/>: grown to the longest report seen, never shrunk.</summary>
    private sealed class Scratch
    {
        public TokenKeyTable Table { get; } = new(4096);

        /// <summary>Per key id: title, agency and body counts.</summary>
        public int[] Counts { get; private set; } = new int[3 * 4096];

        /// <summary>Per key id: the next free place of its positions (the counting sort).</summary>
        public int[] Next { get; private set; } = new int[4096];

        /// <summary>Per token, in text order: its key id and its position.</summary>
        public int[] TokenIds { get; private set; } = new int[8192];

        public int[] TokenPositions { get; private set; } = new int[8192];

        public int Tokens { get; private set; }

        public void Reset(int capacity)
        {
            Table.Clear();
            Tokens = 0;
            if (TokenIds.Length < capacity)
            {
                TokenIds = new int[capacity];
                TokenPositions = new int[capacity];
            }
        }

        public void Collect(string text, int basePosition, int field)
        {
            foreach (var token in new SegmentBigramEnumerator(text, separators: true))
            {
                var key = TokenKey.Of(text.AsSpan(token.Start, token.Length), token.Kind);
                var id = Table.GetOrAdd(key, out var added);
                if (added)
                {
                    if (3 * (id + 1) > Counts.Length)
                    {
                        var counts = Counts;
                        Array.Resize(ref counts, counts.Length * 2);
                        Counts = counts;
                        Next = new int[counts.Length / 3];
                    }

                    Counts[3 * id] = 0;
                    Counts[(3 * id) + 1] = 0;
                    Counts[(3 * id) + 2] = 0;
                }

                Counts[(3 * id) + field]++;
                TokenIds[Tokens] = id;
                TokenPositions[Tokens] = basePosition + token.Start;
                Tokens++;
            }
        }
    }
}
