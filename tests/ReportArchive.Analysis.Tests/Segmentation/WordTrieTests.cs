using ReportArchive.Analysis.Segmentation;

namespace ReportArchive.Analysis.Tests.Segmentation;

public sealed class WordTrieTests
{
    private static WordTrie Build(params string[] words)
    {
        var sorted = words.Order(StringComparer.Ordinal).ToArray();
        var probabilities = sorted.Select((_, i) => -(float)(i + 1)).ToArray();
        return WordTrie.Build(sorted.Select(w => w.AsMemory()).ToArray(), probabilities);
    }

    [Fact]
    public void Find_ReturnsTheSortedIndexOfEveryWordAndNothingElse()
    {
        var trie = Build("行政诉讼", "行政", "行", "诉讼", "郑州", "行政复议", "\U00020000字");
        string[] sorted = ["行", "行政", "行政复议", "行政诉讼", "诉讼", "郑州", "\U00020000字"];
        for (var i = 0; i < sorted.Length; i++)
            Assert.Equal(i, trie.Find(sorted[i]));
        Assert.Equal(-1, trie.Find("行政诉"));
        Assert.Equal(-1, trie.Find("政"));
        Assert.Equal(-1, trie.Find(""));
        Assert.Equal(-1, trie.Find("行政诉讼法"));
        Assert.Equal(7, trie.WordCount);
    }

    [Fact]
    public void Child_WalksPrefixesAndStopsAtMissingEdges()
    {
        var trie = Build("行政诉讼", "行政复议");
        var node = trie.Child(WordTrie.Root, '行');
        Assert.NotEqual(WordTrie.Root, node);
        Assert.Equal(-1, trie.WordAt(node));
        node = trie.Child(node, '政');
        Assert.Equal(WordTrie.Root, trie.Child(node, '法'));
        Assert.Equal(WordTrie.Root, trie.Child(WordTrie.Root, '法'));
    }

    [Fact]
    public void Child_FindsEveryChildOfANodeWithManyChildren()
    {
        // more children than the linear-search limit: the binary search path
        var words = Enumerable.Range(0, 300).Select(i => "中" + (char)('\u4E00' + (i * 7))).ToArray();
        var trie = Build(words);
        foreach (var word in words)
            Assert.True(trie.Find(word) >= 0, word);
        Assert.Equal(-1, trie.Find("中\u4E01"));
    }

    [Fact]
    public void Build_RejectsDuplicates()
    {
        Assert.Throws<ArgumentException>(() => WordTrie.Build(["行政".AsMemory(), "行政".AsMemory()], [-1f, -2f]));
    }

    [Fact]
    public void WordText_SharesOneStringPerWord()
    {
        var trie = Build("行政诉讼");
        var first = trie.WordText(0, "郑州行政诉讼".AsSpan(2));
        var second = trie.WordText(0, "行政诉讼".AsSpan());
        Assert.Equal("行政诉讼", first);
        Assert.Same(first, second);
    }
}
