using ReportArchive.Analysis;
using ReportArchive.Analysis.Tokenizers;

namespace ReportArchive.TextIndex;

/// <summary>
/// The index lookup of one normalised term. Positions are UTF-16 offsets, so a term that is one segment of two or
/// more characters is matched exactly by a covering subset of its bigrams: those at characters 0, 2, 4, … and, when
/// the count is odd, the one at the last but one character — bigram keys at those offsets fix every character of
/// the term. A one-character term matches any token starting with it. A term of several segments is matched as its
/// segments at their relative offsets (a segment followed by a separator ends with its exact last-character token), which ignores the
/// separators between them: a superset (<see cref="Exact"/> false), like a term with a separator at either end.
/// </summary>
internal sealed class TermPlan
{
    private TermPlan(TermPlanKind kind, bool exact, ulong low, ulong high, ulong[] keys, int[] offsets)
    {
        Kind = kind;
        Exact = exact;
        Low = low;
        High = high;
        Keys = keys;
        Offsets = offsets;
    }

    public TermPlanKind Kind { get; }

    /// <summary>True when the matches are exactly the texts containing the term; false for a superset or no plan.</summary>
    public bool Exact { get; }

    /// <summary>The key range of a <see cref="TermPlanKind.Prefix"/> plan.</summary>
    public ulong Low { get; }

    public ulong High { get; }

    /// <summary>The tokens of a <see cref="TermPlanKind.Phrase"/> plan, in offset order.</summary>
    public ulong[] Keys { get; }

    /// <summary>The offset of each token from the match start (the first is 0).</summary>
    public int[] Offsets { get; }

    public static TermPlan Compile(string normalizedTerm)
    {
        ArgumentNullException.ThrowIfNull(normalizedTerm);
        var tokens = new List<(int Start, int Length, TokenKind Kind)>();
        var segments = 0;
        var coveredUpTo = 0;
        var gaps = false;
        foreach (var token in new SegmentBigramEnumerator(normalizedTerm))
        {
            gaps |= token.Start > coveredUpTo;
            coveredUpTo = token.Start + token.Length;
            segments += token.Kind == TokenKind.Unigram ? 1 : 0;
            tokens.Add((token.Start, token.Length, token.Kind));
        }

        if (tokens.Count == 0)
        {
            return new TermPlan(TermPlanKind.Unusable, false, 0, 0, [], []);
        }

        var exact = segments == 1 && !gaps && coveredUpTo == normalizedTerm.Length;
        var keys = new List<ulong>();
        var offsets = new List<int>();
        var segmentStart = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind != TokenKind.Unigram)
            {
                continue;
            }

            var count = i - segmentStart + 1;
            if (count >= 2)
            {
                for (var b = 0; b <= count - 2; b += 2)
                {
                    Add(segmentStart + b);
                }

                if (count % 2 == 1)
                {
                    Add(segmentStart + count - 2);
                }
            }

            if (tokens[i].Start + tokens[i].Length < normalizedTerm.Length)
            {
                // A separator follows in the term, so the text's segment ends here too.
                Add(i);
            }

            segmentStart = i + 1;
        }

        if (keys.Count == 0)
        {
            // A one-character term, or a separator and one character: every token starting with that character.
            var (start, length, _) = tokens[^1];
            var (low, high) = TokenKey.StartingWith(normalizedTerm.AsSpan(start, length));
            return new TermPlan(TermPlanKind.Prefix, exact, low, high, [], []);
        }

        var first = offsets[0];
        return new TermPlan(TermPlanKind.Phrase, exact, 0, 0, [.. keys], offsets.ConvertAll(o => o - first).ToArray());

        void Add(int tokenIndex)
        {
            var (start, length, kind) = tokens[tokenIndex];
            keys.Add(TokenKey.Of(normalizedTerm.AsSpan(start, length), kind));
            offsets.Add(start);
        }
    }
}
