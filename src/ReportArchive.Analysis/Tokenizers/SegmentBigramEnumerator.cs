using System.Text;
using ReportArchive.Analysis.Normalization;

namespace ReportArchive.Analysis.Tokenizers;

/// <summary>
/// Walks normalised text and yields its index tokens without allocating: every maximal run of segment characters
/// (letters, numbers, marks: Han, Latin and digits alike) becomes overlapping two-character bigrams plus a unigram
/// of its last character. That makes any substring of a segment a phrase of consecutive tokens (its bigrams, then
/// its last character as a prefix), so a query of any length matches exactly where the text contains it.
/// </summary>
public ref struct SegmentBigramEnumerator
{
    private readonly ReadOnlySpan<char> _text;
    private int _next;

    public SegmentBigramEnumerator(ReadOnlySpan<char> normalizedText)
    {
        _text = normalizedText;
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

    public bool MoveNext()
    {
        // Skip separators up to the next segment character.
        int firstLength;
        while (true)
        {
            if (_next >= _text.Length)
            {
                return false;
            }

            Rune.DecodeFromUtf16(_text[_next..], out var rune, out firstLength);
            if (CharacterClass.IsSegmentCharacter(rune))
            {
                break;
            }

            _next += firstLength;
        }

        Start = _next;
        var second = _next + firstLength;
        if (second < _text.Length)
        {
            Rune.DecodeFromUtf16(_text[second..], out var rune, out var secondLength);
            if (CharacterClass.IsSegmentCharacter(rune))
            {
                Length = firstLength + secondLength;
                Kind = TokenKind.Bigram;
                _next = second;
                return true;
            }
        }

        Length = firstLength;
        Kind = TokenKind.Unigram;
        _next = second;
        return true;
    }
}
