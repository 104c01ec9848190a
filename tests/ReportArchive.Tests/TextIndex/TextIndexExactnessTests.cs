using System.Text;
using ReportArchive.Analysis.Normalization;
using ReportArchive.Search;
using ReportArchive.TextIndex;

namespace ReportArchive.Tests.TextIndex;

/// <summary>The index against the brute-force oracle: exact ids for exact terms, a superset with verification otherwise.</summary>
public sealed class TextIndexExactnessTests
{
    private static readonly string Pair = char.ConvertFromUtf32(0x20000);

    private static readonly Lazy<(List<IndexedText> Texts, TextIndexSnapshot Snapshot)> Corpus = new(() =>
    {
        var texts = IndexedText.Generated(300, seed: 11);
        return (texts, new TextIndexSnapshot(IndexedText.Segments(texts, 64)));
    });

    [Fact]
    public void Search_OfGeneratedReports_EqualsTheOracle_ForSubstringsAndVocabulary()
    {
        var (texts, snapshot) = Corpus.Value;
        var random = new Random(5);
        var terms = new List<string>
        {
            "公开", "政府信息公开", "行政诉讼", "依申请公开", "中华人民共和国政府信息公开条例", "2023年", "2021年", "12345",
            "审计", "公安局", "萝北县", "公", "年", "1", "不存在的词语", "xyz", "谁公开、谁审查、谁负责", "2021 年",
        };
        for (var i = 0; i < 150; i++)
        {
            var body = texts[random.Next(texts.Count)].Body;
            var start = random.Next(body.Length);
            terms.Add(body.Substring(start, Math.Min(body.Length - start, 1 + random.Next(9))));
        }

        foreach (var term in terms)
        {
            AssertMatchesOracle(texts, snapshot, IndexedText.Query(term));
        }
    }

    [Fact]
    public void Search_OfRandomTextsOverASmallAlphabet_EqualsTheOracle()
    {
        var random = new Random(17);
        string[] alphabet = ["公", "开", "政", "府", "a", "b", "1", "2", "、", " ", ",", Pair];
        string Random(int length)
        {
            var builder = new StringBuilder();
            for (var i = 0; i < length; i++)
            {
                builder.Append(alphabet[random.Next(alphabet.Length)]);
            }

            return builder.ToString();
        }

        var texts = Enumerable.Range(1, 400)
            .Select(i => IndexedText.Of(i * 3, Random(random.Next(4)), Random(random.Next(3)), Random(random.Next(40))))
            .ToList();
        var snapshot = new TextIndexSnapshot(IndexedText.Segments(texts, 50));
        for (var i = 0; i < 600; i++)
        {
            var required = Enumerable.Range(0, 1 + random.Next(2))
                .Select(_ => (IReadOnlyList<string>)Enumerable.Range(0, 1 + random.Next(2)).Select(_ => Normalized(Random(1 + random.Next(5)))).ToList())
                .ToList();
            var excluded = Enumerable.Range(0, random.Next(2))
                .Select(_ => (IReadOnlyList<string>)[Normalized(Random(1 + random.Next(3)))])
                .ToList();
            AssertMatchesOracle(texts, snapshot, new IndexQuery(required, excluded));
        }
    }

    [Theory]
    [InlineData("ab12")]
    [InlineData("2023年")]
    [InlineData("b1")]
    [InlineData("a")]
    [InlineData("a b")]
    public void Search_OfLatinAndDigits_EqualsTheOracle(string term)
    {
        var texts = new List<IndexedText>
        {
            IndexedText.Of(1, "", "", "xab12y 2023年度"),
            IndexedText.Of(2, "ab1", "", "2023 年"),
            IndexedText.Of(3, "", "AB12", "a b"),
            IndexedText.Of(4, "", "", "ab 12 2023"),
        };
        AssertMatchesOracle(texts, new TextIndexSnapshot(IndexedText.Segments(texts, 2)), IndexedText.Query(term));
    }

    [Fact]
    public void Search_OfSurrogatePairCharacters_IsExact()
    {
        var texts = new List<IndexedText>
        {
            IndexedText.Of(1, "", "", $"公{Pair}开"),
            IndexedText.Of(2, "", "", $"{Pair}{Pair}公"),
            IndexedText.Of(3, "", "", $"公开{Pair}"),
            IndexedText.Of(4, "", "", "公开"),
        };
        var snapshot = new TextIndexSnapshot(IndexedText.Segments(texts, 10));
        foreach (var term in new[] { Pair, $"公{Pair}", $"{Pair}开", $"{Pair}{Pair}", $"{Pair}公", $"开{Pair}", $"公{Pair}开" })
        {
            AssertMatchesOracle(texts, snapshot, IndexedText.Query(term));
        }

        Assert.Equal([1L, 2, 3], snapshot.Search(IndexedText.Query(Pair), CancellationToken.None).Ids);
    }

    [Fact]
    public void Search_CombinesAndOrNot_Exactly()
    {
        var (texts, snapshot) = Corpus.Value;
        var queries = new[]
        {
            new IndexQuery([["行政诉讼"], ["公安局"]], []),
            new IndexQuery([["郑州", "洛阳"]], []),
            new IndexQuery([["行政诉讼"]], [["郑州"]]),
            new IndexQuery([["公开"]], [["热线"], ["信箱"]]),
            new IndexQuery([], [["公安"]]),
            new IndexQuery([["审计局", "统计局", "体育局"], ["复议"]], [["海淀"]]),
        };
        foreach (var query in queries)
        {
            AssertMatchesOracle(texts, snapshot, query);
        }
    }

    [Fact]
    public void Search_OfATermWithPunctuation_IsExact_AndTellsSeparatorsApart()
    {
        var texts = new List<IndexedText>
        {
            IndexedText.Of(1, "", "", "谁公开、谁审查"),
            IndexedText.Of(2, "", "", "谁公开，谁审查"),
            IndexedText.Of(3, "", "", "谁公开谁审查"),
            IndexedText.Of(4, "谁公开、", "谁审查", "公开、谁"),
        };
        var snapshot = new TextIndexSnapshot(IndexedText.Segments(texts, 10));
        var comma = snapshot.Search(IndexedText.Query("谁公开、谁审查"), CancellationToken.None);
        Assert.False(comma.NeedsVerification);
        Assert.Equal([1L], comma.Ids); // not 2 (another separator) nor 4 (across fields)
        Assert.Equal([2L], snapshot.Search(IndexedText.Query("谁公开，谁审查"), CancellationToken.None).Ids);
        Assert.Equal([1L, 4], snapshot.Search(IndexedText.Query("开、谁"), CancellationToken.None).Ids);
        foreach (var term in new[] { "、", "，", "、谁", "开、", "公开、谁审", "、谁审查", "谁审查、" })
        {
            AssertMatchesOracle(texts, snapshot, IndexedText.Query(term), mustBeExact: true);
        }
    }

    [Fact]
    public void Search_OfPunctuationOnlyTerms_IsAnsweredByTheIndexAlone()
    {
        var (texts, snapshot) = Corpus.Value;
        foreach (var term in new[] { "《", "》", "、", "，", "。", "《中华人民共和国政府信息公开条例》", "(一)", "%", "——" })
        {
            AssertMatchesOracle(texts, snapshot, IndexedText.Query(term), mustBeExact: true);
        }

        AssertMatchesOracle(texts, snapshot, new IndexQuery([["公开"]], [[Normalized("《")]]), mustBeExact: true);
    }

    [Fact]
    public void Search_OfRandomTermsWithPunctuationAndSurrogatePairs_IsExactWithoutVerification_AndWithSpacesASuperset()
    {
        var random = new Random(23);
        var emoji = char.ConvertFromUtf32(0x1F600);
        string[] alphabet = ["公", "开", "政", "a", "b", "1", "、", ",", "《", " ", Pair, emoji, "。"];
        string Random(int length)
        {
            var builder = new StringBuilder();
            for (var i = 0; i < length; i++)
            {
                builder.Append(alphabet[random.Next(alphabet.Length)]);
            }

            return builder.ToString();
        }

        var texts = Enumerable.Range(1, 300)
            .Select(i => IndexedText.Of(i * 2, Random(random.Next(4)), Random(random.Next(3)), Random(random.Next(50))))
            .ToList();
        var snapshot = new TextIndexSnapshot(IndexedText.Segments(texts, 40));
        for (var i = 0; i < 800; i++)
        {
            var term = Normalized(Random(1 + random.Next(6)));
            if (term.Length == 0)
            {
                continue; // only spaces: the empty term
            }

            var excludedTerm = Normalized(Random(1 + random.Next(3)));
            IReadOnlyList<IReadOnlyList<string>> excluded = random.Next(3) == 0 && excludedTerm.Length > 0 ? [[excludedTerm]] : [];
            var query = new IndexQuery([[term]], excluded);
            var spaced = term.Contains(' ', StringComparison.Ordinal) || (excluded.Count > 0 && excludedTerm.Contains(' ', StringComparison.Ordinal));
            AssertMatchesOracle(texts, snapshot, query, mustBeExact: !spaced);
            Assert.Equal(spaced, snapshot.Search(query, CancellationToken.None).NeedsVerification);
        }
    }

    [Theory]
    [InlineData("公开", false)]
    [InlineData("公", false)]
    [InlineData("郑州 OR 洛阳", false)]
    [InlineData("行政诉讼 -郑州", false)]
    [InlineData("2023年 ab12", false)]
    [InlineData("\"谁公开、谁审查\"", false)] // separators are indexed
    [InlineData("\"ab cd\"", true)] // the space kept between two non-Han characters is not indexed
    [InlineData("诉讼 -\"，\"", false)]
    [InlineData("《", false)]
    [InlineData("\"以公开为常态、不公开为例外\" 2021 年", false)]
    public void Search_NeedsVerification_OnlyForTermsTheIndexCannotDecide(string text, bool needsVerification)
    {
        var (_, snapshot) = Corpus.Value;
        var query = QueryParser.Default.Parse(text);
        Assert.Equal(needsVerification, snapshot.Search(IndexQuery.From(query), CancellationToken.None).NeedsVerification);
    }

    [Fact]
    public void Search_OfAnUnusableTerm_ReturnsEveryReportForVerification()
    {
        var (texts, snapshot) = Corpus.Value;
        foreach (var term in new[] { "", "\uD840" })
        {
            var query = new IndexQuery([[term]], []);
            var matches = snapshot.Search(query, CancellationToken.None);
            Assert.True(matches.NeedsVerification);
            Assert.Equal(texts.Count, matches.Count);
            AssertMatchesOracle(texts, snapshot, query);
        }
    }

    [Fact]
    public void Search_ObservesCancellation()
    {
        var (_, snapshot) = Corpus.Value;
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => snapshot.Search(IndexedText.Query("公开"), cancelled.Token));
    }

    private static string Normalized(string text) => TextNormalizer.NormalizeToString(text);

    private static void AssertMatchesOracle(List<IndexedText> texts, TextIndexSnapshot snapshot, IndexQuery query, bool mustBeExact = false)
    {
        var expected = texts.Where(t => t.Matches(query)).Select(t => t.Id).ToArray();
        var matches = snapshot.Search(query, CancellationToken.None);
        Assert.True(matches.Ids.SequenceEqual(matches.Ids.Order()), "ids ascend");
        Assert.Equal(matches.Ids.Length, matches.Scores.Length);
        var exact = !Describe(query).Contains('?', StringComparison.Ordinal);
        if (mustBeExact)
        {
            Assert.True(exact && !matches.NeedsVerification, $"the index decides {Describe(query)} alone");
        }

        if (matches.NeedsVerification)
        {
            var byId = texts.ToDictionary(t => t.Id);
            Assert.Equal(expected, matches.Ids.Where(id => byId[id].Matches(query)).ToArray());
        }
        else
        {
            Assert.True(exact, $"only a query of exact terms may skip verification: {Describe(query)}");
            Assert.True(expected.SequenceEqual(matches.Ids), $"{Describe(query)}: expected {expected.Length}, got {matches.Count}");
        }
    }

    /// <summary>The query as text, a '?' marking each term the index cannot decide exactly.</summary>
    private static string Describe(IndexQuery query) =>
        string.Join(" ", query.Required.Select(c => string.Join("|", c.Select(Mark))))
        + " -" + string.Join(" -", query.Excluded.Select(c => string.Join("|", c.Select(Mark))));

    private static string Mark(string term) => TermPlan.Compile(term).Exact ? term : term + "?";
}
