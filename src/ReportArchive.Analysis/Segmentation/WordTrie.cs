namespace ReportArchive.Analysis.Segmentation;

/// <summary>
/// An immutable character trie of the dictionary words, laid out in breadth-first order in flat arrays:
/// the children of a node are consecutive node ids sorted by their edge character, so a node is found
/// by a search in a small sorted slice. The root's children are indexed directly by character.
/// Words are identified by an index; each word carries a natural-log probability.
/// </summary>
internal sealed class WordTrie
{
    /// <summary>The node id of the trie's root, and the value <see cref="Child"/> returns for "no child".</summary>
    public const int Root = 0;

    private const int LinearSearchLimit = 48;

    private readonly int[] rootChildren;
    private readonly char[] edgeChars;
    private readonly int[] firstChild;
    private readonly int[] wordOfNode;
    private readonly float[] wordLogProbabilities;
    private readonly string?[] wordTexts;

    private WordTrie(int[] rootChildren, char[] edgeChars, int[] firstChild, int[] wordOfNode, float[] wordLogProbabilities)
    {
        this.rootChildren = rootChildren;
        this.edgeChars = edgeChars;
        this.firstChild = firstChild;
        this.wordOfNode = wordOfNode;
        this.wordLogProbabilities = wordLogProbabilities;
        wordTexts = new string?[wordLogProbabilities.Length];
    }

    public int NodeCount => edgeChars.Length;

    public int WordCount => wordLogProbabilities.Length;

    /// <summary>Approximate bytes held by the trie's arrays (not counting cached word strings).</summary>
    public long ArrayBytes =>
        (rootChildren.Length * 4L) + (edgeChars.Length * 2L) + (firstChild.Length * 4L) + (wordOfNode.Length * 4L)
        + (wordLogProbabilities.Length * 4L) + (wordTexts.Length * 8L);

    /// <summary>The child of <paramref name="node"/> along <paramref name="c"/>, or <see cref="Root"/> when there is none.</summary>
    public int Child(int node, char c)
    {
        if (node == Root)
            return rootChildren[c];
        var start = firstChild[node];
        var count = firstChild[node + 1] - start;
        if (count == 0)
            return Root;
        var slice = new ReadOnlySpan<char>(edgeChars, start, count);
        var index = count <= LinearSearchLimit ? slice.IndexOf(c) : slice.BinarySearch(c);
        return index < 0 ? Root : start + index;
    }

    /// <summary>The index of the word that ends at <paramref name="node"/>, or -1.</summary>
    public int WordAt(int node) => wordOfNode[node];

    public float LogProbability(int word) => wordLogProbabilities[word];

    /// <summary>The index of <paramref name="text"/> as a word, or -1.</summary>
    public int Find(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
            return -1;
        var node = Root;
        foreach (var c in text)
        {
            node = Child(node, c);
            if (node == Root)
                return -1;
        }
        return wordOfNode[node];
    }

    /// <summary>
    /// The word's text as a string shared by every segment of that word: created on first use from
    /// <paramref name="occurrence"/> (which must spell the word) and cached.
    /// </summary>
    public string WordText(int word, ReadOnlySpan<char> occurrence)
    {
        // A race creates two equal strings; either may win, both are correct.
        return wordTexts[word] ??= new string(occurrence);
    }

    /// <summary>Sets a word's log probability after the build (used while suggesting frequencies).</summary>
    public void SetLogProbability(int word, float logProbability) => wordLogProbabilities[word] = logProbability;

    /// <summary>
    /// Builds the trie. <paramref name="words"/> must be distinct, non-empty and sorted by ordinal
    /// (UTF-16 code unit) order; word i gets index i and log probability <paramref name="logProbabilities"/>[i].
    /// </summary>
    public static WordTrie Build(IReadOnlyList<ReadOnlyMemory<char>> words, float[] logProbabilities)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(logProbabilities);
        if (words.Count != logProbabilities.Length)
            throw new ArgumentException("One log probability per word is required.", nameof(logProbabilities));

        var edges = new List<char>(words.Count * 2) { '\0' };
        var parents = new List<int>(words.Count * 2) { -1 };
        var wordOfNodeList = new List<int>(words.Count * 2) { -1 };
        var nodeOfWord = new int[words.Count];
        var active = new List<int>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].IsEmpty)
                throw new ArgumentException("Dictionary words must not be empty.", nameof(words));
            active.Add(i);
        }

        // Level d creates the nodes of the distinct prefixes of length d, in sorted order: prefixes that share
        // a parent are consecutive, and parents appear in increasing id order, so children stay contiguous.
        for (var depth = 1; active.Count > 0; depth++)
        {
            var next = new List<int>(active.Count);
            var previousParent = -1;
            var previousChar = '\0';
            var current = -1;
            foreach (var w in active)
            {
                var span = words[w].Span;
                var parent = nodeOfWord[w];
                var c = span[depth - 1];
                if (parent != previousParent || c != previousChar)
                {
                    current = edges.Count;
                    edges.Add(c);
                    parents.Add(parent);
                    wordOfNodeList.Add(-1);
                    previousParent = parent;
                    previousChar = c;
                }
                nodeOfWord[w] = current;
                if (span.Length == depth)
                {
                    if (wordOfNodeList[current] >= 0)
                        throw new ArgumentException($"Duplicate dictionary word '{span}'.", nameof(words));
                    wordOfNodeList[current] = w;
                }
                else
                {
                    next.Add(w);
                }
            }
            active = next;
        }

        var nodeCount = edges.Count;
        var firstChild = new int[nodeCount + 1];
        var childCounts = new int[nodeCount];
        for (var n = 1; n < nodeCount; n++)
            childCounts[parents[n]]++;
        var start = 1;
        for (var n = 0; n < nodeCount; n++)
        {
            firstChild[n] = start;
            start += childCounts[n];
        }
        firstChild[nodeCount] = start;

        var rootChildren = new int[char.MaxValue + 1];
        for (var n = firstChild[Root]; n < firstChild[Root + 1]; n++)
            rootChildren[edges[n]] = n;

        return new WordTrie(rootChildren, [.. edges], firstChild, [.. wordOfNodeList], logProbabilities);
    }
}
