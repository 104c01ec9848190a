using System.Runtime.CompilerServices;
using ReportArchive.Analysis.Tokenizers;

namespace ReportArchive.TextIndex;

/// <summary>
/// A report's three normalised fields tokenised for the index (<see cref="SegmentBigramEnumerator"/> with separators): each distinct
/// token key with its positions in the report's position space (title at 0, agency after the title and one unused
/// position, body after the agency and one unused position: a position tells its field). Made without the report id,
/// so an import can tokenise in its parallel stage and the write transaction only copies
/// (<see cref="SegmentBuilder.Add(long, TokenizedFields)"/>). Kept compact, since an import holds two batches of these
/// while every garbage collection meanwhile copies them: the keys, and one byte stream of every key's positions as
/// LEB128 varints (about 10 KB a report of 2,000 characters, against 23 KB as arrays of counts and positions). Immutable.
/// </summary>
public sealed class TokenizedFields
{
    [ThreadStatic]
    private static Scratch? t_scratch;

    private TokenizedFields(int titleLength, int agencyLength, int bodyLength, ulong[] keys, byte[] positions, int tokenCount)
    {
        TitleLength = titleLength;
        AgencyLength = agencyLength;
        BodyLength = bodyLength;
        Keys = keys;
        Positions = positions;
        TokenCount = tokenCount;
    }

    /// <summary>The number of distinct tokens.</summary>
    public int KeyCount => Keys.Length;

    /// <summary>The number of token occurrences (positions) over the three fields.</summary>
    public int TokenCount { get; }

    internal int TitleLength { get; }

    internal int AgencyLength { get; }

    internal int BodyLength { get; }

    /// <summary>The distinct token keys, in the order of their first occurrence.</summary>
    internal ulong[] Keys { get; }

    /// <summary>
    /// Per key, in the order of <see cref="Keys"/>: the number of its positions, the byte length of their codes, then the
    /// positions ascending as gaps (the first from −1, each minus one), all LEB128 varints.
    /// </summary>
    internal byte[] Positions { get; }

    /// <summary>Tokenises a report's normalised fields (<c>TextNormalizer.NormalizeToString</c> of each).</summary>
    public static TokenizedFields Tokenize(string normalizedTitle, string normalizedAgency, string normalizedBody)
    {
        ArgumentNullException.ThrowIfNull(normalizedTitle);
        ArgumentNullException.ThrowIfNull(normalizedAgency);
        ArgumentNullException.ThrowIfNull(normalizedBody);
        if ((long)normalizedTitle.Length + normalizedAgency.Length + normalizedBody.Length > int.MaxValue / 8)
        {
            throw new ArgumentException("report too long to index", nameof(normalizedBody));
        }

        // the per-report work happens in buffers kept per thread (the import tokenises on every core): only the
        // two arrays the report keeps are allocated
        var scratch = t_scratch ??= new Scratch();
        var capacity = normalizedTitle.Length + normalizedAgency.Length + normalizedBody.Length;
        scratch.Reset(capacity);
        scratch.Collect(normalizedTitle, 0);
        scratch.Collect(normalizedAgency, normalizedTitle.Length + 1);
        scratch.Collect(normalizedBody, normalizedTitle.Length + normalizedAgency.Length + 2);
        var keyCount = scratch.Table.Count;
        var tokens = scratch.Tokens;

        // group the positions by key (a counting sort keeps each key's positions ascending)
        var counts = scratch.Counts;
        var next = scratch.Next;
        var at = 0;
        for (var k = 0; k < keyCount; k++)
        {
            next[k] = at;
            at += counts[k];
        }

        var grouped = scratch.Grouped;
        var tokenIds = scratch.TokenIds;
        var tokenPositions = scratch.TokenPositions;
        for (var i = 0; i < tokens; i++)
        {
            grouped[next[tokenIds[i]]++] = tokenPositions[i];
        }

        // encode them: count, byte length, gaps
        var packed = scratch.Packed;
        var length = 0;
        at = 0;
        for (var k = 0; k < keyCount; k++)
        {
            var count = counts[k];
            var codes = 0;
            var last = -1;
            for (var i = at; i < at + count; i++)
            {
                codes += VarintLength((uint)(grouped[i] - last - 1));
                last = grouped[i];
            }

            length += WriteVarint(packed, length, (uint)count);
            length += WriteVarint(packed, length, (uint)codes);
            last = -1;
            for (var i = at; i < at + count; i++)
            {
                length += WriteVarint(packed, length, (uint)(grouped[i] - last - 1));
                last = grouped[i];
            }

            at += count;
        }

        return new TokenizedFields(
            normalizedTitle.Length, normalizedAgency.Length, normalizedBody.Length, scratch.Table.Keys.ToArray(),
            packed.AsSpan(0, length).ToArray(), tokens);
    }

    /// <summary>Reads a LEB128 varint written by <see cref="Tokenize"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int ReadVarint(byte[] bytes, ref int at)
    {
        uint value = bytes[at++];
        if (value < 0x80)
        {
            return (int)value;
        }

        value &= 0x7F;
        for (var shift = 7; ; shift += 7)
        {
            uint next = bytes[at++];
            value |= (next & 0x7F) << shift;
            if (next < 0x80)
            {
                return (int)value;
            }
        }
    }

    private static int VarintLength(uint value) => value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5;

    private static int WriteVarint(byte[] bytes, int at, uint value)
    {
        var start = at;
        while (value >= 0x80)
        {
            bytes[at++] = (byte)(value | 0x80);
            value >>= 7;
        }

        bytes[at++] = (byte)value;
        return at - start;
    }

    /// <summary>One thread's buffers for <see cref="Tokenize"/>: grown to the longest report seen, never shrunk.</summary>
    private sealed class Scratch
    {
        public TokenKeyTable Table { get; } = new(4096);

        /// <summary>Per key id: its number of positions.</summary>
        public int[] Counts { get; private set; } = new int[4096];

        /// <summary>Per key id: the next free place of its positions (the counting sort).</summary>
        public int[] Next { get; private set; } = new int[4096];

        /// <summary>Per token, in text order: its key id and its position.</summary>
        public int[] TokenIds { get; private set; } = new int[8192];

        public int[] TokenPositions { get; private set; } = new int[8192];

        /// <summary>The positions grouped by key.</summary>
        public int[] Grouped { get; private set; } = new int[8192];

        /// <summary>The encoded positions: at most 5 bytes a position and 10 a key (a key has a position).</summary>
        public byte[] Packed { get; private set; } = new byte[15 * 8192];

        public int Tokens { get; private set; }

        public void Reset(int capacity)
        {
            Table.Clear();
            Tokens = 0;
            if (TokenIds.Length < capacity)
            {
                TokenIds = new int[capacity];
                TokenPositions = new int[capacity];
                Grouped = new int[capacity];
                Packed = new byte[15 * capacity];
            }
        }

        public void Collect(string text, int basePosition)
        {
            foreach (var token in new SegmentBigramEnumerator(text, separators: true))
            {
                var key = TokenKey.Of(text.AsSpan(token.Start, token.Length), token.Kind);
                var id = Table.GetOrAdd(key, out var added);
                if (added)
                {
                    if (id == Counts.Length)
                    {
                        Counts = Grow(Counts);
                        Next = new int[Counts.Length];
                    }

                    Counts[id] = 0;
                }

                Counts[id]++;
                TokenIds[Tokens] = id;
                TokenPositions[Tokens] = basePosition + token.Start;
                Tokens++;
            }
        }

        private static int[] Grow(int[] array)
        {
            Array.Resize(ref array, array.Length * 2);
            return array;
        }
    }
}
