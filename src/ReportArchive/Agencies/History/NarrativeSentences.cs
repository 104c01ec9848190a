using System.Text;
using ReportArchive.Analysis.Normalization;
using ReportArchive.Search.Highlighting;

namespace ReportArchive.Agencies.History;

/// <summary>
/// The sentences of a part's prose, for comparing one year's wording with another's: split at 。！？； and line
/// breaks, markup and whitespace left out, only what ends with a sentence's punctuation kept (a heading or a table's
/// cells on a line of their own is no sentence); table rows (tabs, pipes, cells run together: a run of
/// <see cref="TableDigitRun"/> digits, or more digits than Han characters) and fragments of fewer than
/// <see cref="MinHanCharacters"/> Han characters are not prose and are left out.
/// </summary>
public static class NarrativeSentences
{
    public const int MinHanCharacters = 6;

    public const int TableDigitRun = 6;

    /// <summary>A line of prose at least this long that ends inside a sentence was wrapped, not ended.</summary>
    public const int WrappedLineLength = 20;

    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<string>();
        var current = new StringBuilder();
        var tableLine = false;
        var lineStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : '\n';
            if (c is '\t' or '|')
            {
                tableLine = true;
            }

            if (c == '\n' && i < text.Length && IsWrapped(text, i, lineStart, tableLine))
            {
                lineStart = i + 1; // a long line of prose broken inside a sentence (PDF text) runs on
                continue;
            }

            if (c == '\n')
            {
                lineStart = i + 1;
            }

            if (c is '\n' or '。' or '！' or '？' or '；' or '!' or '?' or ';')
            {
                if (c is not '\n')
                {
                    current.Append(c);
                }

                var sentence = current.ToString().Trim();
                if (!tableLine && c is not '\n' && IsProse(sentence))
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

            if (c == '<' && PassageRenderer.TagEnd(text, i) is var tagEnd and > 0)
            {
                tableLine |= IsTableTag(text.AsSpan(i + 1, tagEnd - i - 1));
                i = tagEnd - 1; // an HTML tag is markup; a cell's or row's makes the line a table's
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

    /// <summary>
    /// Whether the line break at <paramref name="newline"/> breaks a sentence: the line is prose at least
    /// <see cref="WrappedLineLength"/> long without a sentence's end, and the next line goes on with text.
    /// </summary>
    private static bool IsWrapped(string text, int newline, int lineStart, bool tableLine)
    {
        if (tableLine || newline - lineStart < WrappedLineLength || newline + 1 >= text.Length)
        {
            return false;
        }

        var last = text.AsSpan(lineStart, newline - lineStart).TrimEnd();
        var next = text[newline + 1];
        return last.Length > 0 && last[^1] is not ('。' or '！' or '？' or '；' or '：' or ':')
            && !char.IsWhiteSpace(next) && next is not ('|' or '<' or '#' or '\t');
    }


    private static bool IsTableTag(ReadOnlySpan<char> tag)
    {
        var name = tag.TrimStart('/');
        return name.StartsWith("td", StringComparison.OrdinalIgnoreCase) || name.StartsWith("th", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("tr", StringComparison.OrdinalIgnoreCase) || name.StartsWith("table", StringComparison.OrdinalIgnoreCase);
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
