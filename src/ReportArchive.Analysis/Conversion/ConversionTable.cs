using System.Text;
using ReportArchive.Analysis.Data;

namespace ReportArchive.Analysis.Conversion;

/// <summary>
/// The traditional-to-simplified tables converted from OpenCC (<c>Data/t2s-characters.txt</c> and
/// <c>Data/t2s-phrases.txt</c>, Apache-2.0): characters indexed directly, supplementary-plane characters
/// by code point, and phrases grouped by their first character, longest first.
/// </summary>
internal sealed class ConversionTable
{
    private readonly char[] characters;
    private readonly Dictionary<int, int> supplementary;
    private readonly Dictionary<char, Phrase[]> phrasesByFirstChar;
    private readonly bool[] startsPhrase;

    private ConversionTable(char[] characters, Dictionary<int, int> supplementary, Dictionary<char, Phrase[]> phrasesByFirstChar)
    {
        this.characters = characters;
        this.supplementary = supplementary;
        this.phrasesByFirstChar = phrasesByFirstChar;
        startsPhrase = new bool[char.MaxValue + 1];
        foreach (var first in phrasesByFirstChar.Keys)
            startsPhrase[first] = true;
    }

    public int CharacterCount { get; private init; }

    public int PhraseCount { get; private init; }

    public static ConversionTable Load() =>
        Parse(EmbeddedData.ReadText("t2s-characters.txt"), EmbeddedData.ReadText("t2s-phrases.txt"));

    internal static ConversionTable Parse(string characterLines, string phraseLines)
    {
        var characters = new char[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
            characters[c] = (char)c;
        var supplementary = new Dictionary<int, int>();
        var characterCount = 0;
        foreach (var (source, target) in ReadPairs(characterLines))
        {
            if (source.Length == 1 && target.Length == 1)
            {
                characters[source[0]] = target[0];
            }
            else if (source.Length == 2 && target.Length == 2 && char.IsSurrogatePair(source, 0) && char.IsSurrogatePair(target, 0))
            {
                supplementary[char.ConvertToUtf32(source, 0)] = char.ConvertToUtf32(target, 0);
            }
            else
            {
                throw new FormatException($"The character mapping {source} → {target} changes the text's length.");
            }
            characterCount++;
        }
        var phrases = new List<Phrase>();
        foreach (var (source, target) in ReadPairs(phraseLines))
        {
            if (source.Length != target.Length || source.Length < 2)
                throw new FormatException($"The phrase mapping {source} → {target} changes the text's length.");
            phrases.Add(new Phrase(source, target));
        }
        var byFirst = phrases
            .GroupBy(p => p.Source[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Source.Length).ToArray());
        return new ConversionTable(characters, supplementary, byFirst)
        {
            CharacterCount = characterCount,
            PhraseCount = phrases.Count,
        };
    }

    /// <summary>The simplified form of a BMP character, or the character itself.</summary>
    public char Map(char c) => characters[c];

    public string Convert(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        char[]? buffer = null;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (startsPhrase[c] && TryConvertPhrase(text, i, ref buffer, out var phraseLength))
            {
                i += phraseLength;
                continue;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (supplementary.TryGetValue(char.ConvertToUtf32(c, text[i + 1]), out var mapped))
                {
                    buffer ??= text.ToCharArray();
                    new Rune(mapped).EncodeToUtf16(buffer.AsSpan(i, 2));
                }
                i += 2;
                continue;
            }
            var simplified = characters[c];
            if (simplified != c)
            {
                buffer ??= text.ToCharArray();
                buffer[i] = simplified;
            }
            i++;
        }
        return buffer is null ? text : new string(buffer);
    }

    private bool TryConvertPhrase(string text, int index, ref char[]? buffer, out int length)
    {
        foreach (var phrase in phrasesByFirstChar[text[index]])
        {
            if (!text.AsSpan(index).StartsWith(phrase.Source, StringComparison.Ordinal))
                continue;
            for (var k = 0; k < phrase.Target.Length; k++)
            {
                if (phrase.Target[k] != text[index + k])
                {
                    buffer ??= text.ToCharArray();
                    buffer[index + k] = phrase.Target[k];
                }
            }
            length = phrase.Source.Length;
            return true;
        }
        length = 0;
        return false;
    }

    private static IEnumerable<(string Source, string Target)> ReadPairs(string lines)
    {
        foreach (var line in lines.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
                throw new FormatException($"Expected 'traditional<TAB>simplified', got '{line}'.");
            yield return (line[..tab], line[(tab + 1)..]);
        }
    }

    private sealed record Phrase(string Source, string Target);
}
