using System.Globalization;
using System.Text;

namespace ReportArchive.Analysis.Normalization;

/// <summary>The character classes the analyzer decides on: Han ideographs and segment (word) characters.</summary>
public static class CharacterClass
{
    /// <summary>True for a Han ideograph (汉字) of the unified, extension or compatibility blocks, and 〇.</summary>
    public static bool IsHan(int codePoint) => codePoint switch
    {
        >= 0x4E00 and <= 0x9FFF => true,
        >= 0x3400 and <= 0x4DBF => true,
        0x3007 => true,
        >= 0xF900 and <= 0xFAFF => true,
        >= 0x20000 and <= 0x3FFFF => true,
        _ => false,
    };

    /// <summary>
    /// True for a character that belongs to a segment: letters, numbers and combining marks. Everything else
    /// (punctuation, symbols, spaces, controls) separates segments and is not indexed.
    /// </summary>
    public static bool IsSegmentCharacter(Rune rune)
    {
        if (rune.Value < 0x80)
        {
            return (uint)((rune.Value | 0x20) - 'a') <= 'z' - 'a' || (uint)(rune.Value - '0') <= 9;
        }

        if (IsHan(rune.Value))
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => true,
            UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
            _ => false,
        };
    }
}
