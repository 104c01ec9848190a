using ReportArchive.Analysis;

namespace ReportArchive.TextIndex;

/// <summary>
/// The 64-bit key of an index token: its UTF-16 units packed left-aligned, 16 bits each (a bigram is at most four
/// units: two surrogate pairs). A unigram (a segment's last character, at most two units) sets the lowest bit, which
/// no bigram has (a bigram of two or three units leaves the low 16 bits zero; of four units they hold a low
/// surrogate, never 1). Keys order like their units, so every token starting with one character is a key range.
/// </summary>
internal static class TokenKey
{
    public const ulong UnigramFlag = 1;

    public static ulong Bigram(ReadOnlySpan<char> units) => Pack(units);

    public static ulong Unigram(ReadOnlySpan<char> units) => Pack(units) | UnigramFlag;

    public static ulong Of(ReadOnlySpan<char> units, TokenKind kind) =>
        kind == TokenKind.Bigram ? Pack(units) : Pack(units) | UnigramFlag;

    /// <summary>The keys of every token that starts with <paramref name="character"/> (one or two units): its bigrams and its unigram.</summary>
    public static (ulong Low, ulong High) StartingWith(ReadOnlySpan<char> character)
    {
        var low = Pack(character);
        return (low, low | (ulong.MaxValue >> (16 * character.Length)));
    }

    private static ulong Pack(ReadOnlySpan<char> units)
    {
        if (units.Length is 0 or > 4)
        {
            throw new ArgumentException("a token has one to four UTF-16 units", nameof(units));
        }

        ulong key = 0;
        for (var i = 0; i < units.Length; i++)
        {
            key |= (ulong)units[i] << (48 - (16 * i));
        }

        return key;
    }
}
