namespace ReportArchive.Analysis.Segmentation;

/// <summary>
/// The most probable segmentation of a run of Han characters (jieba's "最大概率路径"): every dictionary word
/// that occurs in the run is an edge of a word graph, and a right-to-left dynamic programme picks the path
/// with the highest sum of word log probabilities. A character that starts no dictionary word is a
/// one-character edge with frequency 1. Ties go to the longer word, as in jieba.
/// </summary>
internal static class MaxProbabilityPath
{
    /// <summary>
    /// Fills <paramref name="ends"/>[i] with the end (exclusive) of the best word starting at i and
    /// <paramref name="words"/>[i] with its word index (-1 for a one-character non-word); returns the
    /// log probability of the best path. The spans need <c>run.Length + 1</c> elements.
    /// </summary>
    public static double Solve(WordTrie trie, double unknownLogProbability, ReadOnlySpan<char> run,
        Span<double> route, Span<int> ends, Span<int> words)
    {
        var n = run.Length;
        route[n] = 0;
        for (var i = n - 1; i >= 0; i--)
        {
            if (char.IsLowSurrogate(run[i]) && i > 0 && char.IsHighSurrogate(run[i - 1]))
            {
                // Never a start: the path steps over a whole surrogate pair.
                route[i] = double.NegativeInfinity;
                ends[i] = i + 1;
                words[i] = -1;
                continue;
            }
            var unit = char.IsHighSurrogate(run[i]) && i + 1 < n && char.IsLowSurrogate(run[i + 1]) ? 2 : 1;
            var best = unknownLogProbability + route[i + unit];
            var bestEnd = i + unit;
            var bestWord = -1;
            var node = WordTrie.Root;
            for (var j = i; j < n; j++)
            {
                node = trie.Child(node, run[j]);
                if (node == WordTrie.Root)
                    break;
                var word = trie.WordAt(node);
                if (word < 0)
                    continue;
                var logProbability = trie.LogProbability(word);
                if (float.IsNegativeInfinity(logProbability))
                    continue;
                var candidate = logProbability + route[j + 1];
                if (candidate >= best)
                {
                    best = candidate;
                    bestEnd = j + 1;
                    bestWord = word;
                }
            }
            route[i] = best;
            ends[i] = bestEnd;
            words[i] = bestWord;
        }
        return route[0];
    }
}
