using System.Globalization;
using System.Text;

namespace ReportArchive.Analysis.Segmentation;

/// <summary>
/// Reads dictionaries in jieba's user-dictionary format: one <c>word [frequency] [tag]</c> per line,
/// fields separated by spaces or tabs. The tag is ignored. Blank lines and lines starting with <c>#</c>
/// are skipped, and so are words with an unpaired surrogate. Words are normalised like the analyzer's input (NFKC, lower case) so they match it.
/// </summary>
internal static class UserDictionaryParser
{
    private static readonly char[] FieldSeparators = [' ', '\t'];

    public static List<UserDictionaryEntry> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<UserDictionaryEntry>();
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            var line = rawLine.Trim().TrimStart('\uFEFF');
            if (line.IsEmpty || line[0] == '#')
                continue;
            var fields = line.ToString().Split(FieldSeparators, StringSplitOptions.RemoveEmptyEntries);
            if (!IsWellFormed(fields[0]))
                continue;
            var word = fields[0].Normalize(NormalizationForm.FormKC).ToLowerInvariant();
            long? frequency = fields.Length > 1
                && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : null;
            entries.Add(new UserDictionaryEntry(word, frequency));
        }
        return entries;
    }

    /// <summary>True when the word has no whitespace and no unpaired surrogate.</summary>
    internal static bool IsWellFormed(string word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (char.IsWhiteSpace(c))
                return false;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= word.Length || !char.IsLowSurrogate(word[i + 1]))
                    return false;
                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }
        }
        return word.Length > 0;
    }
}
