using System.Text;
using ReportArchive.Analysis.Normalization;

namespace ReportArchive.Analysis.Tests;

/// <summary>Seeded random text: the token contract holds, and every substring of a segment is a phrase of its tokens.</summary>
public sealed class RandomTextTests
{
    private static readonly string[] Pieces =
    [
        "行政", "诉讼", "公开", "依申请", " ", "\n", "\n\n", "，", "。", "2021", "年", "ＡＢ", "Gov", "㈠", "\U00020000", "é", "e\u0301",
        "\u3000", "\t", "“", "”", "0539-", "\uD800", "😀", "İ", "ﬁ", "\u200B",
    ];

    [Fact]
    public void RandomStrings_KeepTheTokenContract()
    {
        var random = new Random(20261121);
        for (var i = 0; i < 2000; i++)
        {
            var text = RandomText(random);
            AnalysisAssert.AssertInvariants(text, ChineseAnalyzer.Default.Analyze(text));
        }
    }

    [Fact]
    public void NormalizeToString_IsTheTextOfNormalize_WhateverCharactersWereMetBefore()
    {
        var random = new Random(11);
        for (var i = 0; i < 2000; i++)
        {
            var text = RandomText(random);
            Assert.Equal(TextNormalizer.Normalize(text).Text, TextNormalizer.NormalizeToString(text));
        }
    }

    [Theory]
    [InlineData("依申请公\n\n开", "依申请公开")]
    [InlineData("行政訴訟…", "行政诉讼...")]
    [InlineData("ＡＢ\u3000cd", "ab cd")]
    [InlineData("a\u200Bb", "ab")]
    [InlineData("“公开”，（一）", "“公开”,(一)")]
    public void Normalize_FoldsPunctuationAndHanAsSpecified(string text, string expected) =>
        Assert.Equal(expected, TextNormalizer.NormalizeToString(text));

    [Fact]
    public void EverySubstringOfASegment_IsAPhraseOfConsecutiveTokens_WithTheLastAsAPrefix()
    {
        var random = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            var normalized = TextNormalizer.NormalizeToString(RandomText(random));
            var documentTerms = ChineseAnalyzer.Default.Tokenize(TextNormalizer.Normalize(normalized)).Select(t => t.Term).ToList();
            foreach (var segment in normalized.Split([' ', '，', '。', ',', '.', '“', '”', '-', '\uFFFD'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (segment.EnumerateRunes().Any(r => !CharacterClass.IsSegmentCharacter(r)))
                {
                    continue; // only pure segments are claimed exact
                }

                var queryTerms = ChineseAnalyzer.Default.Tokenize(TextNormalizer.Normalize(segment)).Select(t => t.Term).ToList();
                Assert.True(PhraseOccurs(documentTerms, queryTerms), $"'{segment}' in '{normalized}'");
            }
        }
    }

    private static bool PhraseOccurs(List<string> document, List<string> query)
    {
        for (var start = 0; start + query.Count <= document.Count; start++)
        {
            var all = true;
            for (var k = 0; k < query.Count && all; k++)
            {
                all = k == query.Count - 1
                    ? document[start + k].StartsWith(query[k], StringComparison.Ordinal)
                    : document[start + k] == query[k];
            }

            if (all)
            {
                return true;
            }
        }

        return query.Count == 0;
    }

    private static string RandomText(Random random)
    {
        var text = new StringBuilder();
        var count = random.Next(0, 30);
        for (var i = 0; i < count; i++)
        {
            text.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return text.ToString();
    }
}
