using System.Text;
using ReportArchive.Analysis.Conversion;

namespace ReportArchive.Figures.Narrative;

/// <summary>
/// Cuts a report's text into the sentences of its prose: at 。！？；, line ends and the end of the text, trimmed of
/// white space. Table lines (cells separated by tabs or pipes) are no prose and are left out.
/// </summary>
internal static class NarrativeSentenceSplitter
{
    public static IReadOnlyList<NarrativeSentence> Split(string text)
    {
        var folded = Fold(text);
        var sentences = new List<NarrativeSentence>();
        var start = 0;
        for (var i = 0; i <= folded.Length; i++)
        {
            if (i < folded.Length && !IsEnd(folded[i]))
            {
                continue;
            }

            var end = i < folded.Length && folded[i] != '\n' && folded[i] != '\r' ? i + 1 : i;
            Add(text, folded, start, end, sentences);
            start = i + 1;
        }

        return sentences;
    }

    /// <summary>The text with traditional characters simplified and full-width forms made ASCII; the same length.</summary>
    public static string Fold(string text)
    {
        var simplified = TraditionalToSimplified.Convert(text);
        var builder = new StringBuilder(simplified.Length);
        foreach (var c in simplified)
        {
            builder.Append(c switch
            {
                >= '\uff10' and <= '\uff19' => (char)('0' + (c - '\uff10')),
                '\uff08' => '(',
                '\uff09' => ')',
                '\uff0c' => ',',
                '\uff1a' => ':',
                '\uff1b' => ';',
                '\u3000' or '\u00a0' => ' ',
                _ => c,
            });
        }

        return builder.ToString();
    }

    private static bool IsEnd(char c) => c is '。' or '！' or '？' or '!' or '?' or ';' or '\n' or '\r';

    private static void Add(string text, string folded, int start, int end, List<NarrativeSentence> sentences)
    {
        while (start < end && char.IsWhiteSpace(folded[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(folded[end - 1]))
        {
            end--;
        }

        if (end <= start)
        {
            return;
        }

        var sentence = folded[start..end];
        if (sentence.Contains('\t', StringComparison.Ordinal) || sentence.Count(c => c == '|') >= 2)
        {
            return;
        }

        sentences.Add(new NarrativeSentence(start, text[start..end], sentence));
    }
}
