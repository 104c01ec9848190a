using System.Globalization;
using System.Text;
using ReportArchive.Analysis.Conversion;

namespace ReportArchive.Analysis.Normalization;

/// <summary>
/// Normalises text for exact matching: NFKC (full-width folding and compatibility forms), case folding,
/// traditional characters mapped to simplified ones one for one (訴 → 诉; context-free, so a substring of a text
/// always normalises to a substring of the normalised text), format characters dropped, and whitespace made
/// irrelevant where PDF and Word extraction inserts it: a run of
/// whitespace with a Han character on at least one side is removed (<c>依申请公⏎⏎开</c> → <c>依申请公开</c>,
/// <c>2021 年</c> → <c>2021年</c>); any other run becomes one space; leading and trailing whitespace goes.
/// Documents and queries go through the same normaliser, so "contains" on normalised text is the search contract.
/// </summary>
public static class TextNormalizer
{
    /// <summary>What normalising a character on its own gives (<see cref="Fold"/>), filled in as characters are met.</summary>
    private static readonly int[]?[] SingleCharacterFolds = new int[]?[char.MaxValue + 1];

    /// <summary>In a fold: a whitespace run, not a code point.</summary>
    private const int FoldedWhitespace = -1;

    public static NormalizedText Normalize(string original)
    {
        ArgumentNullException.ThrowIfNull(original);
        var output = new Output(original.Length, withOffsets: true);
        Normalize(original, output);
        return output.ToNormalizedText(original);
    }

    /// <summary>The normalised form of a string, without the offset map (for query terms, verification and oracles).</summary>
    public static string NormalizeToString(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var output = new Output(text.Length, withOffsets: false);
        Normalize(text, output);
        return output.ToText();
    }

    private static void Normalize(string original, Output output)
    {
        var i = 0;
        while (i < original.Length)
        {
            var c = original[i];
            if (c is >= '\u4E00' and <= '\u9FFF')
            {
                output.EmitHan(c, i); // most of a report: one character to one, no case, no compatibility form
                i++;
                continue;
            }

            Rune.DecodeFromUtf16(original.AsSpan(i), out var rune, out var consumed);
            var end = i + consumed;
            var value = rune.Value;
            if (value < 0x80)
            {
                if (value <= ' ' || value == 0x7F)
                {
                    output.Whitespace(i, end);
                }
                else
                {
                    output.Emit(value is >= 'A' and <= 'Z' ? value | 0x20 : value, i, end);
                }
            }
            else if (value is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF)
            {
                output.Emit(value, i, end);
            }
            else if (value is >= 0xFF01 and <= 0xFF5E)
            {
                // Full-width ASCII: the NFKC mapping is a fixed shift.
                var ascii = value - 0xFEE0;
                output.Emit(ascii is >= 'A' and <= 'Z' ? ascii | 0x20 : ascii, i, end);
            }
            else
            {
                end = ExtendOverCombiningMarks(original, end);
                var fold = end == i + 1
                    ? SingleCharacterFolds[original[i]] ??= Fold(original.AsSpan(i, 1)) // punctuation mostly: fold it once
                    : Fold(original.AsSpan(i, end - i));
                Replay(fold, i, end, output);
            }

            i = end;
        }
    }

    private static int ExtendOverCombiningMarks(string text, int index)
    {
        while (index < text.Length)
        {
            if (text[index] < '\u0300' || CharacterClass.IsHan(text[index]))
            {
                break; // no combining mark below U+0300 or among Han characters
            }

            Rune.DecodeFromUtf16(text.AsSpan(index), out var next, out var length);
            var category = Rune.GetUnicodeCategory(next);
            if (category is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.EnclosingMark))
            {
                break;
            }

            index += length;
        }

        return index;
    }

    /// <summary>
    /// A cluster (a character and its combining marks) normalised: NFKC, then lower case; whitespace and controls
    /// become <see cref="FoldedWhitespace"/>, format characters go; a lone surrogate separates like whitespace.
    /// </summary>
    private static int[] Fold(ReadOnlySpan<char> cluster)
    {
        if (cluster.ContainsAnyInRange('\uD800', '\uDFFF') && !IsWellFormed(cluster))
        {
            return [FoldedWhitespace];
        }

        var text = cluster.ToString();
        var folded = (text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC))
            .ToLowerInvariant();
        var result = new List<int>(folded.Length);
        var j = 0;
        while (j < folded.Length)
        {
            Rune.DecodeFromUtf16(folded.AsSpan(j), out var rune, out var length);
            if (Rune.IsWhiteSpace(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.Control)
            {
                result.Add(FoldedWhitespace);
            }
            else if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.Format)
            {
                result.Add(rune.Value);
            }

            j += length;
        }

        return [.. result];
    }

    private static void Replay(int[] fold, int start, int end, Output output)
    {
        foreach (var codePoint in fold)
        {
            if (codePoint == FoldedWhitespace)
            {
                output.Whitespace(start, end);
            }
            else
            {
                output.Emit(codePoint, start, end);
            }
        }
    }

    private static bool IsWellFormed(ReadOnlySpan<char> text)
    {
        for (var k = 0; k < text.Length; k++)
        {
            if (char.IsHighSurrogate(text[k]) && k + 1 < text.Length && char.IsLowSurrogate(text[k + 1]))
            {
                k++;
            }
            else if (char.IsSurrogate(text[k]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The growing normalised text and its offset map; holds back a whitespace run until it knows its neighbours.</summary>
    private sealed class Output(int capacity, bool withOffsets)
    {
        private char[] _chars = new char[capacity + 16];
        private int[] _starts = withOffsets ? new int[capacity + 16] : [];
        private int[] _ends = withOffsets ? new int[capacity + 16] : [];
        private int _length;
        private int _lastCodePoint = -1;
        private int _spaceStart = -1;
        private int _spaceEnd = -1;

        public void Whitespace(int start, int end)
        {
            if (_spaceStart < 0)
            {
                _spaceStart = start;
            }

            _spaceEnd = end;
        }

        public void Emit(int codePoint, int start, int end)
        {
            if (_spaceStart >= 0)
            {
                var keepSpace = _length > 0 && !CharacterClass.IsHan(_lastCodePoint) && !CharacterClass.IsHan(codePoint);
                if (keepSpace)
                {
                    Append(' ', _spaceStart, _spaceEnd);
                }

                _spaceStart = -1;
            }

            if (codePoint < 0x10000)
            {
                Append(CharacterClass.IsHan(codePoint) ? TraditionalToSimplified.Simplify((char)codePoint) : (char)codePoint, start, end);
            }
            else
            {
                var rune = new Rune(codePoint);
                Span<char> pair = stackalloc char[2];
                rune.EncodeToUtf16(pair);
                Append(pair[0], start, end);
                Append(pair[1], start, end);
            }

            _lastCodePoint = codePoint;
        }

        /// <summary><see cref="Emit"/> for a character of the main Han block (a space next to it is never kept).</summary>
        public void EmitHan(char c, int start)
        {
            _spaceStart = -1;
            Append(TraditionalToSimplified.Simplify(c), start, start + 1);
            _lastCodePoint = c;
        }

        public NormalizedText ToNormalizedText(string original) =>
            new(original, new string(_chars, 0, _length), _starts, _ends);

        public string ToText() => new(_chars, 0, _length);

        private void Append(char c, int start, int end)
        {
            if (_length == _chars.Length)
            {
                var size = _chars.Length * 2;
                Array.Resize(ref _chars, size);
                if (withOffsets)
                {
                    Array.Resize(ref _starts, size);
                    Array.Resize(ref _ends, size);
                }
            }

            _chars[_length] = c;
            if (withOffsets)
            {
                _starts[_length] = start;
                _ends[_length] = end;
            }

            _length++;
        }
    }
}
