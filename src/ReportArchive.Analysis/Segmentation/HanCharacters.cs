namespace ReportArchive.Analysis.Segmentation;

/// <summary>Which UTF-16 positions hold Han characters (汉字), the characters the dictionary segments.</summary>
internal static class HanCharacters
{
    /// <summary>
    /// CJK Unified Ideographs and Extension A, the compatibility ideographs and 〇 (U+3007, the ideographic
    /// zero in 二〇二一年). Supplementary-plane ideographs are handled by <see cref="IsHanAt"/>.
    /// </summary>
    public static bool IsHan(char c) =>
        (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || (c >= '\uF900' && c <= '\uFAFF') || c == '\u3007';

    /// <summary>True when a Han character starts at <paramref name="index"/>, including a surrogate pair in planes 2 and 3.</summary>
    public static bool IsHanAt(ReadOnlySpan<char> text, int index)
    {
        var c = text[index];
        if (IsHan(c))
            return true;
        // High surrogates D840–D8BF encode U+20000–U+3FFFF: CJK extensions B to H and the compatibility supplement.
        return c >= '\uD840' && c <= '\uD8BF' && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]);
    }

    /// <summary>The number of code units of the character at <paramref name="index"/>: 2 for a surrogate pair, else 1.</summary>
    public static int UnitLength(ReadOnlySpan<char> text, int index) =>
        char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;

    /// <summary>The end (exclusive) of the run of Han characters that starts at <paramref name="index"/>.</summary>
    public static int RunEnd(ReadOnlySpan<char> text, int index)
    {
        var end = index;
        while (end < text.Length && IsHanAt(text, end))
            end += UnitLength(text, end);
        return end;
    }

    /// <summary>True when every character of <paramref name="text"/> is Han.</summary>
    public static bool AreAllHan(ReadOnlySpan<char> text) => !text.IsEmpty && RunEnd(text, 0) == text.Length;
}
