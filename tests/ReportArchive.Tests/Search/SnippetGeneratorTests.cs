using System.Text;
using ReportArchive.Analysis.Normalization;
using ReportArchive.Search.Highlighting;

namespace ReportArchive.Tests.Search;

/// <summary>
/// Snippets show the passages with the most distinct terms, then the earliest: the generator's windowed count of
/// distinct terms picks the same passages as counting every window's terms from scratch (the definition, kept here
/// as the oracle), on random texts with line breaks, wide and traditional characters and overlapping terms.
/// </summary>
public sealed class SnippetGeneratorTests
{
    private const int ContextBefore = 30;
    private const int PassageLength = 110;

    private static readonly string[] Words = ["行政诉讼", "诉讼", "行政", "郑州", "公开", "信息", "复议", "申请", "１２３４５", "訴訟", "。", "，", "\n", " ", "报告", "年度"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Generate_PicksThePassagesWithTheMostDistinctTerms_ThenTheEarliest(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 40; round++)
        {
            var text = new StringBuilder();
            for (var i = random.Next(20, 400); i > 0; i--)
            {
                text.Append(Words[random.Next(Words.Length)]);
            }

            var terms = Enumerable.Range(0, random.Next(1, 4)).Select(_ => TextNormalizer.NormalizeToString(Words[random.Next(9)])).Distinct().ToList();
            var original = text.ToString();

            var expected = Oracle(original, terms);
            var actual = SnippetGenerator.Generate(original, terms);
            var fromNormalized = SnippetGenerator.Generate(TextNormalizer.Normalize(original), terms);

            Assert.Equal(expected.Select(Describe), actual.Select(Describe));
            Assert.Equal(expected.Select(Describe), fromNormalized.Select(Describe));
        }
    }

    private static string Describe(Snippet snippet) =>
        $"{snippet.Start}-{snippet.End}:{string.Join(',', snippet.Highlights.Select(h => $"{h.Start}-{h.End}"))}";

    /// <summary>The definition: every distinct window, its distinct terms counted over every occurrence.</summary>
    private static List<Snippet> Oracle(string text, IReadOnlyList<string> terms)
    {
        var occurrences = TermOccurrences.Find(TextNormalizer.Normalize(text), terms, 500);
        var candidates = occurrences
            .Select(o => Window(text, o.Start))
            .Distinct()
            .Select(w => (Window: w, Terms: occurrences.Where(o => o.Start >= w.Start && o.End <= w.End).Select(o => o.Term).Distinct().Count()))
            .OrderByDescending(c => c.Terms)
            .ThenBy(c => c.Window.Start);
        var chosen = new List<(int Start, int End)>();
        foreach (var (window, _) in candidates)
        {
            if (chosen.Count < 3 && chosen.TrueForAll(c => window.End <= c.Start || window.Start >= c.End))
            {
                chosen.Add(window);
            }
        }

        return chosen.OrderBy(w => w.Start)
            .Select(w => new Snippet(text, w.Start, w.End, TermOccurrences.Merge(occurrences.Where(o => o.Start >= w.Start && o.End <= w.End))))
            .ToList();
    }

    private static (int Start, int End) Window(string text, int matchStart)
    {
        var start = Math.Max(0, matchStart - ContextBefore);
        var lineStart = text.LastIndexOf('\n', Math.Max(0, matchStart - 1));
        if (lineStart >= start)
        {
            start = lineStart + 1;
        }

        return (start, Math.Min(text.Length, start + PassageLength)); // the texts here hold no surrogate pairs to keep whole
    }
}
