using ReportArchive.Analysis.Tokenizers;

namespace ReportArchive.TextIndex;

/// <summary>
/// The index lookup of one normalised term. Positions are UTF-16 offsets and every indexable character of a text
/// starts a token (<see cref="SegmentBigramEnumerator"/> with separators), so a term is matched by tokens at fixed offsets that fix each
/// of its characters:
/// <list type="bullet">
/// <item>a run of two or more segment characters by a covering subset of its bigrams — those at characters 0, 2, 4, …
/// and, when the count is odd, the one at the last but one character;</item>
/// <item>a one-character run followed by another character of the term by its segment-end unigram (the text's
/// segment ends there too);</item>
/// <item>a separator (punctuation, symbol, space) by its own token;</item>
/// <item>a one-character run ending a longer term by any token starting with it (the <see cref="Low"/>..<see cref="High"/>
/// key range at <see cref="TailOffset"/>); a term of one segment character alone is that range (<see cref="TermPlanKind.Prefix"/>).</item>
/// </list>
/// Such a plan is <see cref="Exact"/>. A space has no token: a term with one is matched as its parts at their offsets,
/// a run before the space by its segment-end unigram too — a superset (<see cref="Exact"/> false). A lone surrogate
/// (never in normalised text) has no token either and may be half of a pair in the text: a term with one, like the
/// empty term or one of spaces only, is <see cref="TermPlanKind.Unusable"/> (left to verification).
/// </summary>
internal sealed class TermPlan
{
    private TermPlan(TermPlanKind kind, bool exact, ulong low, ulong high, ulong[] keys, int[] offsets, int tailOffset)
    {
        Kind = kind;
        Exact = exact;
        Low = low;
        High = high;
        Keys = keys;
        Offsets = offsets;
        TailOffset = tailOffset;
    }

    public TermPlanKind Kind { get; }

    /// <summary>True when the matches are exactly the texts containing the term; false for a superset or no plan.</summary>
    public bool Exact { get; }

    /// <summary>The key range of a <see cref="TermPlanKind.Prefix"/> plan, or of a phrase's tail (see <see cref="TailOffset"/>).</summary>
    public ulong Low { get; }

    public ulong High { get; }

    /// <summary>The tokens of a <see cref="TermPlanKind.Phrase"/> plan, in offset order.</summary>
    public ulong[] Keys { get; }

    /// <summary>The offset of each token from the match start (the first is 0).</summary>
    public int[] Offsets { get; }

    /// <summary>
    /// For a phrase whose last character is a one-character segment: its offset from the match start, where some token
    /// in <see cref="Low"/>..<see cref="High"/> must be; -1 when the phrase has no such tail.
    /// </summary>
    public int TailOffset { get; }

    public bool HasTail => TailOffset >= 0;

    public static TermPlan Compile(string normalizedTerm)
    {
        ArgumentNullException.ThrowIfNull(normalizedTerm);
        var characters = new List<(int Start, int Length, CharacterRole Role)>();
        for (var at = 0; at < normalizedTerm.Length;)
        {
            var role = SegmentBigramEnumerator.RoleOf(normalizedTerm.AsSpan(at), out var length);
            characters.Add((at, length, role));
            at += length;
        }

        if (characters.Exists(c => c.Role == CharacterRole.Unindexed) || characters.TrueForAll(c => c.Role == CharacterRole.Space))
        {
            return new TermPlan(TermPlanKind.Unusable, false, 0, 0, [], [], -1);
        }

        var atoms = new List<(int Offset, ulong Key)>();
        int tail = -1, tailLength = 0;
        for (var i = 0; i < characters.Count;)
        {
            var (start, length, role) = characters[i];
            if (role == CharacterRole.Separator)
            {
                atoms.Add((start, TokenKey.Separator(normalizedTerm.AsSpan(start, length))));
                i++;
                continue;
            }

            if (role == CharacterRole.Space)
            {
                i++;
                continue;
            }

            var end = i;
            while (end < characters.Count && characters[end].Role == CharacterRole.Segment)
            {
                end++;
            }

            var count = end - i;
            for (var b = 0; b <= count - 2; b += 2)
            {
                AddBigram(i + b);
            }

            if (count >= 2 && count % 2 == 1)
            {
                AddBigram(end - 2);
            }

            var last = characters[end - 1];
            if (end < characters.Count && (count == 1 || characters[end].Role == CharacterRole.Space))
            {
                // A separator or space follows in the term, so the text's segment ends here too (after a longer run,
                // a separator's own token already pins that).
                atoms.Add((last.Start, TokenKey.Unigram(normalizedTerm.AsSpan(last.Start, last.Length))));
            }
            else if (end == characters.Count && count == 1)
            {
                (tail, tailLength) = (last.Start, last.Length);
            }

            i = end;
        }

        var exact = !characters.Exists(c => c.Role == CharacterRole.Space);
        var low = 0UL;
        var high = 0UL;
        if (tail >= 0)
        {
            (low, high) = TokenKey.StartingWith(normalizedTerm.AsSpan(tail, tailLength));
            if (atoms.Count == 0)
            {
                // One segment character (and spaces): every token starting with it.
                return new TermPlan(TermPlanKind.Prefix, exact, low, high, [], [], -1);
            }
        }

        atoms.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        var first = atoms[0].Offset;
        return new TermPlan(
            TermPlanKind.Phrase, exact, low, high, atoms.ConvertAll(a => a.Key).ToArray(), atoms.ConvertAll(a => a.Offset - first).ToArray(),
            tail >= 0 ? tail - first : -1);

        void AddBigram(int character)
        {
            var start = characters[character].Start;
            atoms.Add((start, TokenKey.Bigram(normalizedTerm.AsSpan(start, characters[character].Length + characters[character + 1].Length))));
        }
    }
}
