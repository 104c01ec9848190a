using System.Buffers;
using System.Text;
using ReportArchive.Analysis.Normalization;

namespace ReportArchive.Analysis.Tokenizers;

/// <summary>
/// Walks normalised text and yields its index tokens without allocating: every maximal run of segment characters
/// (letters, numbers, marks: Han, Latin and digits alike) becomes overlapping two-character bigrams plus a unigram
/// of its last character. That makes any substring of a segment a phrase of consecutive tokens (its bigrams, then
/// its last character as a prefix), so a query of any length matches exactly where the text contains it. Asked for
/// separators (the text index), every other character but whitespace and lone surrogates is a token of its own, so
/// every indexed character of a text starts a token and a term with punctuation inside is matched exactly too.
/// </summary>
public ref struct SegmentBigramEnumerator
{
    private readonly ReadOnlySpan<char> _text;
    private readonly bool _separators;
    private int _next;

    public SegmentBigramEnumerator(ReadOnlySpan<char> normalizedText, bool separators = false)
    {
        _text = normalizedText;
        _separators = separators;
        _next = 0;
        Start = 0;
        Length = 0;
        Kind = TokenKind.Unigram;
    }

    /// <summary>Start of the current token in the normalised text (UTF-16 index).</summary>
    public int Start { get; private set; }

    /// <summary>Length of the current token in UTF-16 code units.</summary>
    public int Length { get; private set; }

    public TokenKind Kind { get; private set; }

    public readonly SegmentBigramEnumerator GetEnumerator() => this;

    public readonly SegmentBigramEnumerator Current => this;

    /// <summary>How the character at the start of <paramref name="text"/> is tokenised; <paramref name="length"/> is its UTF-16 length.</summary>
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
            if (role != CharacterRole.Segment)
            {
                _next += firstLength;
                if (_separators && role == CharacterRole.Separator)
                {
                    Length = firstLength;
                    Kind = TokenKind.Separator;
                    return true;
                }

                continue;
            }

            var second = _next + firstLength;
            if (second < _text.Length && RoleOf(_text[second..], out var secondLength) == CharacterRole.Segment)
            {
                Length = firstLength + secondLength;
                Kind = TokenKind.Bigram;
                _next = second;
                return true;
            }

            Length = firstLength;
            Kind = TokenKind.Unigram;
            _next = second;
            return true;
        }

        return false;
    }
}
