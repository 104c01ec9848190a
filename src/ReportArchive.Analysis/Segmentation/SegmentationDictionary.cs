using System.Globalization;
using ReportArchive.Analysis.Data;

namespace ReportArchive.Analysis.Segmentation;

/// <summary>
/// The words the segmenter knows and their log probabilities, merged from three sources (a later source
/// overrides an earlier one for the same word):
/// <list type="number">
/// <item>the general dictionary, jieba's <c>jieba.dict.utf8</c> (MIT), embedded as <c>Data/jieba-words.tsv.gz</c>;</item>
/// <item>the domain lexicon written for this project, <c>Data/domain-lexicon.txt</c>;</item>
/// <item>user dictionaries in jieba format, read from the paths the caller gives.</item>
/// </list>
/// A word's probability is its frequency over the sum of all frequencies. A word listed without a frequency
/// gets jieba's suggested frequency (the least that lets it beat its best split into known words), times
/// <see cref="DomainLexiconBoost"/> for the domain lexicon so its terms also win inside sentences, and never
/// less than its frequency in the general dictionary. A frequency of 0 removes the word.
/// </summary>
internal sealed class SegmentationDictionary
{
    public const long DomainLexiconBoost = 100;

    private SegmentationDictionary(WordTrie trie, double unknownLogProbability)
    {
        Trie = trie;
        UnknownLogProbability = unknownLogProbability;
    }

    public WordTrie Trie { get; }

    /// <summary>The log probability of a character that is no dictionary word: frequency 1.</summary>
    public double UnknownLogProbability { get; }

    public static SegmentationDictionary Load(IEnumerable<string> userDictionaryPaths)
    {
        ArgumentNullException.ThrowIfNull(userDictionaryPaths);
        var additions = new Dictionary<string, Addition>(StringComparer.Ordinal);
        foreach (var entry in UserDictionaryParser.Parse(EmbeddedData.ReadText("domain-lexicon.txt")))
            additions[entry.Word] = new Addition(entry.Frequency, entry.Frequency is null ? DomainLexiconBoost : 1);
        foreach (var path in userDictionaryPaths)
        {
            foreach (var entry in UserDictionaryParser.Parse(File.ReadAllText(path)))
                additions[entry.Word] = new Addition(entry.Frequency, 1);
        }
        return Build(EmbeddedData.ReadGzipText("jieba-words.tsv.gz"), additions);
    }

    /// <summary>Builds from the general word list (<c>word TAB frequency</c> lines, sorted ordinally) and additions.</summary>
    internal static SegmentationDictionary Build(string generalWordList, IReadOnlyDictionary<string, Addition> additions)
    {
        var words = new List<ReadOnlyMemory<char>>(400_000);
        var frequencies = new List<long>(400_000);
        var pending = new List<(int Word, long Floor, long Boost)>();
        var sortedAdditions = additions.Keys.Order(StringComparer.Ordinal).ToArray();
        var next = 0;

        void AddAddition(string word, long generalFrequency)
        {
            var addition = additions[word];
            if (addition.Frequency == 0)
                return;
            if (addition.Frequency is null)
                pending.Add((words.Count, generalFrequency, addition.Boost));
            words.Add(word.AsMemory());
            frequencies.Add(addition.Frequency ?? 0);
        }

        var text = generalWordList.AsMemory();
        var position = 0;
        while (position < text.Length)
        {
            var lineEnd = text.Span[position..].IndexOf('\n');
            lineEnd = lineEnd < 0 ? text.Length : position + lineEnd;
            var line = text[position..lineEnd];
            position = lineEnd + 1;
            var tab = line.Span.IndexOf('\t');
            if (tab <= 0)
                continue;
            var word = line[..tab];
            var frequency = long.Parse(line.Span[(tab + 1)..], NumberStyles.None, CultureInfo.InvariantCulture);
            while (next < sortedAdditions.Length && sortedAdditions[next].AsSpan().SequenceCompareTo(word.Span) < 0)
                AddAddition(sortedAdditions[next++], 0);
            if (next < sortedAdditions.Length && sortedAdditions[next].AsSpan().SequenceEqual(word.Span))
            {
                AddAddition(sortedAdditions[next++], frequency);
                continue;
            }
            words.Add(word);
            frequencies.Add(frequency);
        }
        while (next < sortedAdditions.Length)
            AddAddition(sortedAdditions[next++], 0);

        var total = 0L;
        foreach (var frequency in frequencies)
            total += frequency;
        var logTotal = Math.Log(total);
        var logProbabilities = new float[words.Count];
        for (var i = 0; i < logProbabilities.Length; i++)
            logProbabilities[i] = frequencies[i] > 0 ? (float)(Math.Log(frequencies[i]) - logTotal) : float.NegativeInfinity;
        var trie = WordTrie.Build(words, logProbabilities);

        // Suggest frequencies for words listed without one, shortest first so longer words see them.
        pending.Sort((a, b) => words[a.Word].Length.CompareTo(words[b.Word].Length));
        foreach (var (word, floor, boost) in pending)
        {
            var span = words[word].Span;
            var route = new double[span.Length + 1];
            var ends = new int[span.Length + 1];
            var wordIndexes = new int[span.Length + 1];
            var splitLogProbability = MaxProbabilityPath.Solve(trie, -logTotal, span, route, ends, wordIndexes);
            var suggested = (long)Math.Min(Math.Exp(splitLogProbability + logTotal), long.MaxValue / (2 * boost)) + 1;
            var frequency = Math.Max(floor, suggested * boost);
            frequencies[word] = frequency;
            trie.SetLogProbability(word, (float)(Math.Log(frequency) - logTotal));
        }

        // The suggested frequencies add to the total: recompute every probability against the final total.
        if (pending.Count > 0)
        {
            total = 0;
            foreach (var frequency in frequencies)
                total += frequency;
            logTotal = Math.Log(total);
            for (var i = 0; i < frequencies.Count; i++)
                trie.SetLogProbability(i, (float)(Math.Log(frequencies[i]) - logTotal));
        }
        return new SegmentationDictionary(trie, -logTotal);
    }

    /// <summary>A word added by the domain lexicon or a user dictionary.</summary>
    internal readonly record struct Addition(long? Frequency, long Boost);
}
