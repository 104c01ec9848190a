using System.Buffers;
using ReportArchive.TextIndex;

namespace ReportArchive.Tests.TextIndex;

/// <summary>The search that numbers matches as the caller does (catalog indexes) instead of returning ids.</summary>
public sealed class NumberedSearchTests
{
    private static readonly IndexQuery[] Queries =
    [
        IndexedText.Query("公开"), IndexedText.Query("政府信息公开"), IndexedText.Query("行政诉讼", "公安局"),
        new([["郑州", "洛阳"]], [["复议"]]), IndexedText.Query("2022年"),
    ];

    [Fact]
    public void Search_NumbersEachMatchThroughItsSegmentsMap_AndLeavesOutNegativeNumbers()
    {
        var texts = IndexedText.Generated(90, seed: 7);
        var snapshot = new TextIndexSnapshot(IndexedText.Segments(texts, 20));
        bool Deleted(long id) => id % 7 == 0;
        var numbering = NumberingSkipping(texts.Select(t => t.Id), Deleted); // ids ascending → 0, 1, 2 … without the deleted

        foreach (var query in Queries)
        {
            var expected = snapshot.Search(query, CancellationToken.None);
            var kept = expected.Ids.Select((id, i) => (id, i)).Where(x => !Deleted(x.id)).ToList();
            var actual = snapshot.Search(query, segment => Array.ConvertAll(segment.ReportIds(), id => numbering.GetValueOrDefault(id, -1)), CancellationToken.None);
            try
            {
                Assert.Equal(kept.Select(x => numbering[x.id]), actual.Numbers.Take(actual.Count));
                Assert.Equal(kept.Select(x => expected.Scores[x.i]), actual.Scores.Take(actual.Count));
                Assert.Equal(expected.NeedsVerification, actual.NeedsVerification);
            }
            finally
            {
                ArrayPool<int>.Shared.Return(actual.Numbers);
                ArrayPool<double>.Shared.Return(actual.Scores);
            }
        }
    }

    [Fact]
    public void Search_OfSegmentsWithInterleavedIds_ReturnsNumbersAscending()
    {
        var texts = IndexedText.Generated(50, seed: 5);
        var odd = IndexedText.Segments(texts.Where(t => t.Id % 2 == 1), 50)[0];
        var even = IndexedText.Segments(texts.Where(t => t.Id % 2 == 0), 50)[0];
        var numbering = NumberingSkipping(texts.Select(t => t.Id), _ => false);
        var snapshot = new TextIndexSnapshot([odd, even]);

        var actual = snapshot.Search(IndexedText.Query("公开"), segment => Array.ConvertAll(segment.ReportIds(), id => numbering[id]), CancellationToken.None);

        Assert.Equal(50, actual.Count); // every generated report says 公开
        Assert.Equal(Enumerable.Range(0, 50), actual.Numbers.Take(actual.Count));
        ArrayPool<int>.Shared.Return(actual.Numbers);
        ArrayPool<double>.Shared.Return(actual.Scores);
    }

    private static Dictionary<long, int> NumberingSkipping(IEnumerable<long> ids, Func<long, bool> deleted) =>
        ids.Order().Where(id => !deleted(id)).Select((id, number) => (id, number)).ToDictionary(x => x.id, x => x.number);
}
