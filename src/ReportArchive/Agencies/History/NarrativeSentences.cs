using System.Text;
using ReportArchive.Analysis.Normalization;

namespace ReportArchive.Agencies.History;

/// <summary>
/// The sentences of a part's prose, for comparing one year's wording with another's: split at 。！？； and line
/// breaks, markup and whitespace left out; table rows (tabs, pipes, cells run together: a run of
/// <see cref="TableDigitRun"/> digits, or more digits than Han characters) and fragments of fewer than
/// <see cref="MinHanCharacters"/> Han characters are not prose and are left out.
/// </summary>
public static class NarrativeSentences
{
    public const int MinHanCharacters = 6;

    public const int TableDigitRun = 6;

    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<string>();
        var current = new StringBuilder();
        var tableLine = false;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : '\n';
            if (c is '\t' or '|')
            {
                tableLine = true;
            }

            if (c is '\n' or '。' or '！' or '？' or '；' or '!' or '?' or ';')
            {
                if (c is not '\n')
                {
                    current.Append(c);
                }

                var sentence = current.ToString().Trim();
                if (!tableLine && IsProse(sentence))
                {
                    sentences.Add(sentence);
                }

                current.Clear();
                if (c == '\n')
                {
                    tableLine = false;
                }

                continue;
            }

            if (c is '#' or '*' || (c == '-' && i + 1 < text.Length && text[i + 1] == '-'))
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (current.Length > 0 && current[^1] != ' ')
                {
                    current.Append(' ');
                }

                continue;
            }

            current.Append(c);
        }

        return sentences;
    }

    /// <summary>The form sentences are compared in: normalised (width, case, whitespace), every number as 0.</summary>
    public static string Shape(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var normalized = TextNormalizer.NormalizeToString(sentence);
        var shape = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (char.IsAsciiDigit(c) || c is '.' && shape.Length > 0 && shape[^1] == '0')
            {
                if (shape.Length == 0 || shape[^1] != '0')
                {
                    shape.Append('0');
                }
            }
            else if (c != ' ')
            {
                shape.Append(c);
            }
        }

        return shape.ToString();
    }

    private static bool IsProse(string sentence)
    {
        var han = 0;
        var digits = 0;
        var run = 0;
        foreach (var c in sentence)
        {
            han += CharacterClass.IsHan(c) ? 1 : 0;
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            digits += run > 0 ? 1 : 0;
            if (run >= TableDigitRun)
            {
                return false;
            }
        }

        return han >= MinHanCharacters && digits <= han;
    }
}
