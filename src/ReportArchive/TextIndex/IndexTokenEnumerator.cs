using System.Buffers;
using System.Text;
using ReportArchive.Analysis.Normalization;

namespace ReportArchive.TextIndex;

/// <summary>
/// Walks normalised text and yields the text index's tokens without allocating: every maximal run of segment
/// characters (<see cref="CharacterClass.IsSegmentCharacter"/>) becomes overlapping bigrams plus a unigram of its
/// last character (as <c>SegmentBigramEnumerator</c>), and every other character — punctuation, symbols, emoji — is
/// a separator token of its own. Only spaces (<see cref="CharacterRole.Space"/>) and lone surrogates (never in
/// normalised text) are left out. So every other character of a text is at the start of a token, and a term without
/// a space is matched exactly by tokens at fixed offsets (<see cref="TermPlan"/>).
/// </summary>
internal ref struct IndexTokenEnumerator
{
    private readonly ReadOnlySpan<char> _text;
    private int _next;

    public IndexTokenEnumerator(ReadOnlySpan<char> normalizedText)
    {
        _text = normalizedText;
        _next = 0;
        Start = 0;
        Length = 0;
        Kind = IndexTokenKind.Unigram;
    }

    /// <summary>Start of the current token in the normalised text (UTF-16 index).</summary>
    public int Start { get; private set; }

    /// <summary>Length of the current token in UTF-16 code units.</summary>
    public int Length { get; private set; }

    public IndexTokenKind Kind { get; private set; }

    public readonly IndexTokenEnumerator GetEnumerator() => this;

    public readonly IndexTokenEnumerator Current => this;

    /// <summary>How a character is indexed: in a segment, as a separator token, or not at all (a space, a lone surrogate).</summary>
    public static CharacterRole RoleOf(ReadOnlySpan<char> text, out int length)
    {
        if (Rune.DecodeFromUtf16(text, out var rune, out length) != OperationStatus.Done)
        {
            return CharacterRole.Unindexed;
        }

        if (CharacterClass.IsSegmentCharacter(rune))
        {
            return CharacterRole.Segment;
        }

        return Rune.IsWhiteSpace(rune) ? CharacterRole.Space : CharacterRole.Separator;
    }

    public bool MoveNext()
    {
        while (_next < _text.Length)
        {
            var role = RoleOf(_text[_next..], out var firstLength);
            Start = _next;
            if (role is CharacterRole.Unindexed or CharacterRole.Space)
            {
                _next += firstLength;
                continue;
            }

            if (role == CharacterRole.Separator)
            {
                Length = firstLength;
                Kind = IndexTokenKind.Separator;
                _next += firstLength;
                return true;
            }

            var second = _next + firstLength;
            if (second < _text.Length && RoleOf(_text[second..], out var secondLength) == CharacterRole.Segment)
            {
                Length = firstLength + secondLength;
                Kind = IndexTokenKind.Bigram;
                _next = second;
                return true;
            }

            Length = firstLength;
            Kind = IndexTokenKind.Unigram;
            _next = second;
            return true;
        }

        return false;
    }
}
