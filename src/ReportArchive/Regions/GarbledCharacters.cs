namespace ReportArchive.Regions;

/// <summary>
/// Tells which of several divisions one character away from a garbled name is the likelier reading.
/// Text extraction replaces a rare character by one of similar shape (灋 for 瀍), and the CJK Unified
/// Ideographs are ordered by radical and then by stroke count, so a character of the same radical and
/// similar complexity lies close by (灋 U+705B, 瀍 U+700D) while an unrelated one (顺 U+987A) does not.
/// </summary>
internal static class GarbledCharacters
{
    /// <summary>Far less than the span of a large radical (氵 covers about 1,270 code points).</summary>
    private const int NearDistance = 1024;

    public static bool AreNear(char written, char official) =>
        IsIdeograph(written) && IsIdeograph(official) && Math.Abs(written - official) <= NearDistance;

    /// <summary>The character of <paramref name="official"/> that <paramref name="written"/> replaced, or null.</summary>
    public static (char Written, char Official)? Replaced(string written, string official)
    {
        if (written.Length != official.Length)
        {
            return null;
        }

        for (var i = 0; i < written.Length; i++)
        {
            if (written[i] != official[i])
            {
                return (written[i], official[i]);
            }
        }

        return null;
    }

    private static bool IsIdeograph(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF');
}
