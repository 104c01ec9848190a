namespace ReportArchive.Analysis.Conversion;

/// <summary>
/// Converts traditional Chinese characters (繁体字) to simplified ones (简体字) with OpenCC's tables
/// (TSCharacters and TSPhrases, plus the Taiwan and Hong Kong variant forms of characters that are not
/// GB2312 characters), so that 行政訴訟 and 行政诉讼 index and search alike.
/// <para>
/// The conversion never changes the text's length in UTF-16 code units, so offsets computed on the
/// converted text point into the original: every mapping is one character to one character, and a
/// phrase maps to a phrase of the same length (乾坤 stays 乾坤 though 乾 alone becomes 干). OpenCC's
/// many-to-one mappings (乾, 幹, 榦 → 干) are kept: they lose nothing for search. The few hundred OpenCC
/// mappings between a BMP character and a supplementary-plane one (which would change the length) are left
/// out, so those rare characters stay as written; supplementary-to-supplementary mappings are applied.
/// A simplified text comes back unchanged (the same instance when no character changes).
/// </para>
/// </summary>
public static class TraditionalToSimplified
{
    private static readonly Lazy<ConversionTable> Table = new(ConversionTable.Load);

    /// <summary>The simplified form of a traditional character, or null when <paramref name="c"/> has none (it is already simplified, or not Chinese).</summary>
    public static char? MapChar(char c)
    {
        var simplified = Table.Value.Map(c);
        return simplified == c ? null : simplified;
    }

    /// <summary>The simplified form of <paramref name="c"/>, or <paramref name="c"/> itself: one character to one, no phrases.</summary>
    public static char Simplify(char c) => Table.Value.Map(c);

    /// <summary>The text with traditional characters and phrases replaced by simplified ones; the same length as the input.</summary>
    public static string Convert(string text) => Table.Value.Convert(text);
}
