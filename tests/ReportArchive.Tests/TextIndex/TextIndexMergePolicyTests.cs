using ReportArchive.TextIndex;

namespace ReportArchive.Tests.TextIndex;

public sealed class TextIndexMergePolicyTests
{
    private static List<SegmentSummary> Segments(params int[] documents)
    {
        var list = new List<SegmentSummary>();
        long next = 1;
        for (var i = 0; i < documents.Length; i++)
        {
            list.Add(new SegmentSummary(100 + i, next, next + documents[i] - 1, documents[i], documents[i] * 1000L));
            next += documents[i];
        }

        return list;
    }

    [Fact]
    public void Choose_MergesNothing_BelowEightSegmentsOfATier()
    {
        Assert.Empty(TextIndexMergePolicy.Choose(Segments(256, 256, 256, 256, 256, 256, 256)));
        Assert.Empty(TextIndexMergePolicy.Choose(Segments(2048, 256, 256, 256, 256, 256, 256, 256)));
        Assert.Empty(TextIndexMergePolicy.Choose([]));
    }

    [Fact]
    public void Choose_MergesEightNeighboursOfOneTier()
    {
        var segments = Segments(2048, 256, 256, 256, 256, 256, 256, 256, 256);
        Assert.Equal(segments.Skip(1).Select(s => s.Id), TextIndexMergePolicy.Choose(segments).Select(s => s.Id));
    }

    [Fact]
    public void Choose_PrefersTheLowestTier_AndOnlyNeighbours()
    {
        var segments = Segments(2048, 2048, 2048, 2048, 2048, 2048, 2048, 2048, 1, 1, 1, 1, 1, 1, 1, 1);
        Assert.Equal(segments.Skip(8).Select(s => s.Id), TextIndexMergePolicy.Choose(segments).Select(s => s.Id));
        var split = Segments(256, 256, 256, 256, 2048, 256, 256, 256, 256);
        Assert.Empty(TextIndexMergePolicy.Choose(split));
    }

    [Fact]
    public void Choose_LeavesRunsThatWouldBeTooLarge()
    {
        var huge = Enumerable.Range(0, 8)
            .Select(i => new SegmentSummary(i, (i * 20000L) + 1, (i + 1) * 20000L, 20000, TextIndexMergePolicy.MaxMergedBytes / 4))
            .ToList();
        Assert.Empty(TextIndexMergePolicy.Choose(huge));
    }

    [Fact]
    public void Policy_KeepsSegmentsFewAndWritesEachReportAFewTimes_OverAnImportOf100000InBatchesOf256()
    {
        var segments = new List<SegmentSummary>();
        long written = 0, next = 1, id = 0;
        for (var imported = 0; imported < 100_000; imported += 256)
        {
            var count = Math.Min(256, 100_000 - imported);
            segments.Add(new SegmentSummary(id++, next, next + count - 1, count, count));
            written += count;
            next += count;
            IReadOnlyList<SegmentSummary> chosen;
            while ((chosen = TextIndexMergePolicy.Choose(segments)).Count > 0)
            {
                var documents = chosen.Sum(s => s.Documents);
                segments.RemoveAll(s => chosen.Contains(s));
                segments.Add(new SegmentSummary(id++, chosen[0].FirstReport, chosen[^1].LastReport, documents, documents));
                written += documents;
            }
        }

        Assert.InRange(segments.Count, 1, 24);
        Assert.InRange(written / 100_000.0, 1, 4.5);
    }
}
