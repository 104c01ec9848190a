using System.Buffers.Binary;
using ReportArchive.TextIndex;

namespace ReportArchive.Tests.TextIndex;

public sealed class IndexSegmentTests
{
    private static readonly IndexQuery[] Queries =
    [
        IndexedText.Query("公开"), IndexedText.Query("政府信息公开"), IndexedText.Query("依申请公开"), IndexedText.Query("公"),
        IndexedText.Query("行政诉讼", "公安局"), IndexedText.Query("谁公开、谁审查"), new([["郑州", "洛阳"]], [["复议"]]),
        IndexedText.Query("2022年"),
    ];

    [Fact]
    public void Load_OfToBytes_SearchesLikeTheBuiltSegment()
    {
        var texts = IndexedText.Generated(60, seed: 3);
        var built = IndexedText.Segments(texts, 60);
        var loaded = built.ConvertAll(s => IndexSegment.Load(s.ToBytes().ToArray()));
        Assert.Equal(built[0].ReportIds(), loaded[0].ReportIds());
        Assert.Equal((60, built[0].KeyCount), (loaded[0].DocumentCount, loaded[0].KeyCount));
        AssertSameResults(new TextIndexSnapshot(built), new TextIndexSnapshot(loaded));
    }

    [Fact]
    public void Load_RejectsBytesThatAreNotASegment()
    {
        Assert.Throws<InvalidDataException>(() => IndexSegment.Load(new byte[100]));
        var bytes = IndexedText.Segments(IndexedText.Generated(2, seed: 3), 2)[0].ToBytes();
        Assert.Throws<InvalidDataException>(() => IndexSegment.Load(bytes[..^20]));
    }

    [Fact]
    public void Load_OfAnOlderFormatVersion_ThrowsOutdatedSegment_AndIsCurrentFormatTellsBeforehand()
    {
        var bytes = IndexedText.Segments(IndexedText.Generated(2, seed: 3), 2)[0].ToBytes().ToArray();
        Assert.True(IndexSegment.IsCurrentFormat(bytes));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), 1); // version 1: no separator tokens
        Assert.False(IndexSegment.IsCurrentFormat(bytes));
        var outdated = Assert.Throws<OutdatedSegmentException>(() => IndexSegment.Load(bytes));
        Assert.Equal(1, outdated.Version);
        Assert.False(IndexSegment.IsCurrentFormat(new byte[100]));
        Assert.False(IndexSegment.IsCurrentFormat(bytes.AsSpan(0, 6)));
    }

    [Fact]
    public void Merge_EqualsBuildingAllReportsAtOnce()
    {
        var texts = IndexedText.Generated(120, seed: 4);
        var whole = IndexedText.Segments(texts, 120)[0];
        var merged = IndexSegment.Merge(IndexedText.Segments(texts, 25), _ => true);
        Assert.Equal(whole.ToBytes(), merged.ToBytes());
        AssertSameResults(new TextIndexSnapshot([whole]), new TextIndexSnapshot([merged]));
    }

    [Fact]
    public void Build_AfterALargerBuildAndMerge_WritesTheSameBytes_KeptBuffersLeaveNothingBehind()
    {
        var small = IndexedText.Generated(30, seed: 12);
        var first = IndexedText.Segments(small, 30)[0].ToBytes();

        // larger reports and more keys grow the kept tokenising, building and writing buffers
        var large = IndexedText.Generated(200, seed: 13)
            .Select(t => t with { Body = string.Concat(Enumerable.Repeat(t.Body, 3)) }).ToList();
        IndexSegment.Merge(IndexedText.Segments(large, 70), _ => true);

        Assert.Equal(first, IndexedText.Segments(small, 30)[0].ToBytes());
        Assert.Equal(first, IndexSegment.Merge(IndexedText.Segments(small, 7), _ => true).ToBytes());
    }

    [Fact]
    public void Merge_OfOverlappingIdRanges_InterleavesReports()
    {
        var texts = IndexedText.Generated(50, seed: 5);
        var odd = IndexedText.Segments(texts.Where(t => t.Id % 2 == 1), 50)[0];
        var even = IndexedText.Segments(texts.Where(t => t.Id % 2 == 0), 50)[0];
        var whole = IndexedText.Segments(texts, 50)[0];
        Assert.Equal(whole.ToBytes(), IndexSegment.Merge([even, odd], _ => true).ToBytes());
        AssertSameResults(new TextIndexSnapshot([whole]), new TextIndexSnapshot([odd, even]));
    }

    [Fact]
    public void Merge_DropsReportsThatAreNotKept()
    {
        var texts = IndexedText.Generated(80, seed: 6);
        bool Keep(long id) => id % 3 != 0;
        var merged = IndexSegment.Merge(IndexedText.Segments(texts, 30), Keep);
        var expected = IndexedText.Segments(texts.Where(t => Keep(t.Id)), 80)[0];
        Assert.Equal(texts.Where(t => Keep(t.Id)).Select(t => t.Id), merged.ReportIds());
        Assert.Equal(expected.ToBytes(), merged.ToBytes());
        Assert.Equal(0, IndexSegment.Merge(IndexedText.Segments(texts, 30), _ => false).DocumentCount);
    }

    [Fact]
    public void Builder_RejectsIdsOutOfOrder()
    {
        var builder = new SegmentBuilder();
        builder.Add(5, "", "", "公开");
        Assert.Throws<ArgumentException>(() => builder.Add(5, "", "", "公开"));
    }

    private static void AssertSameResults(TextIndexSnapshot expected, TextIndexSnapshot actual)
    {
        foreach (var query in Queries)
        {
            var a = expected.Search(query, CancellationToken.None);
            var b = actual.Search(query, CancellationToken.None);
            Assert.Equal(a.Ids, b.Ids);
            Assert.Equal(a.NeedsVerification, b.NeedsVerification);
            for (var i = 0; i < a.Scores.Length; i++)
            {
                Assert.Equal(a.Scores[i], b.Scores[i], 9);
            }
        }
    }
}
