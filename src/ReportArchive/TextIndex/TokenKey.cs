using ReportArchive.Analysis;

namespace ReportArchive.TextIndex;

/// <summary>
/// The 64-bit key of an index token: its UTF-16 units packed left-aligned, 16 bits each (a bigram is at most four
/// units: two surrogate pairs). The low 16 bits tell the kinds apart: a bigram of two or three units leaves them
/// zero and one of four units holds a low surrogate there (0xDC00–0xDFFF); a unigram (a segment's last character,
/// at most two units) sets them to <see cref="UnigramFlag"/> and a separator (one character, at most two units) to
/// <see cref="SeparatorFlag"/>. Keys order like their units, so every token starting with one character is a key
/// range; a separator character starts no bigram or unigram, so its range holds its separator key alone.
/// </summary>
internal static class TokenKey
{
    public const ulong UnigramFlag = 1;

    public const ulong SeparatorFlag = 2;

    public static ulong Bigram(ReadOnlySpan<char> units) => Pack(units);

    public static ulong Unigram(ReadOnlySpan<char> units) => Pack(units, maxUnits: 2) | UnigramFlag;

    public static ulong Separator(ReadOnlySpan<char> units) => Pack(units, maxUnits: 2) | SeparatorFlag;

    public static ulong Of(ReadOnlySpan<char> units, TokenKind kind) => kind switch
    {
        TokenKind.Bigram => Bigram(units),
        TokenKind.Unigram => Unigram(units),
        _ => Separator(units),
    };

    /// <summary>The keys of every token that starts with <paramref name="character"/> (one or two units): its bigrams and its unigram.</summary>
    public static (ulong Low, ulong High) StartingWith(ReadOnlySpan<char> character)
    {
        var low = Pack(character, maxUnits: 2);
        return (low, low | (ulong.MaxValue >> (16 * character.Length)));
    }

    private static ulong Pack(ReadOnlySpan<char> units, int maxUnits = 4)
    {
        if (units.Length == 0 || units.Length > maxUnits)
        {
            throw new ArgumentException($"this token has one to {maxUnits} UTF-16 units", nameof(units));
        }

        ulong key = 0;
        for (var i = 0; i < units.Length; i++)
        {
            key |= (ulong)units[i] << (48 - (16 * i));
        }

        return key;
    }
}
