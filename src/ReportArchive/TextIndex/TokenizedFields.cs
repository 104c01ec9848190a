using System.Runtime.InteropServices;
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

        var capacity = normalizedTitle.Length + normalizedAgency.Length + normalizedBody.Length;
        var tokenIds = new int[capacity];
        var tokenPositions = new int[capacity];
        var ids = new Dictionary<ulong, int>();
        var keys = new List<ulong>();
        var counts = new List<int>();
        var tokens = 0;
        Collect(normalizedTitle, 0, 0);
        Collect(normalizedAgency, normalizedTitle.Length + 1, 1);
        Collect(normalizedBody, normalizedTitle.Length + normalizedAgency.Length + 2, 2);

        // group the positions by key (a counting sort keeps each key's positions ascending)
        var starts = new int[keys.Count + 1];
        for (var k = 0; k < keys.Count; k++)
        {
            starts[k + 1] = starts[k] + counts[3 * k] + counts[(3 * k) + 1] + counts[(3 * k) + 2];
        }

        var next = starts[..^1];
        var positions = new int[tokens];
        for (var i = 0; i < tokens; i++)
        {
            positions[next[tokenIds[i]]++] = tokenPositions[i];
        }

        return new TokenizedFields(
            normalizedTitle.Length, normalizedAgency.Length, normalizedBody.Length, [.. keys], [.. counts], starts, positions);

        void Collect(string text, int basePosition, int field)
        {
            foreach (var token in new SegmentBigramEnumerator(text, separators: true))
            {
                var key = TokenKey.Of(text.AsSpan(token.Start, token.Length), token.Kind);
                ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, key, out var exists);
                if (!exists)
                {
                    slot = keys.Count;
                    keys.Add(key);
                    counts.Add(0);
                    counts.Add(0);
                    counts.Add(0);
                }

                counts[(3 * slot) + field]++;
                tokenIds[tokens] = slot;
                tokenPositions[tokens] = basePosition + token.Start;
                tokens++;
            }
        }
    }
}
