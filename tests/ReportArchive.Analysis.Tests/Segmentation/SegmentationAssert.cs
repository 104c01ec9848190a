using ReportArchive.Analysis.Segmentation;

namespace ReportArchive.Analysis.Tests.Segmentation;

/// <summary>Checks a segmentation against expected words and offsets, and always checks the invariants.</summary>
internal static class SegmentationAssert
{
    /// <summary>Expected segments written as "text@start", e.g. "行政诉讼@2".</summary>
    public static void SegmentsTo(WordSegmenter segmenter, string text, params string[] expected)
    {
        var segments = segmenter.Segment(text);
        HoldsInvariants(text, segments, overlapsAllowed: false);
        Assert.Equal(expected, segments.Select(s => $"{s.Text}@{s.Start}").ToArray());
    }

    /// <summary>
    /// Every segment lies inside the text, its Text is the slice it covers, no surrogate pair is split,
    /// starts never go backwards, and (outside search mode) segments do not overlap.
    /// </summary>
    public static void HoldsInvariants(string text, IReadOnlyList<Segment> segments, bool overlapsAllowed)
    {
        var previousStart = 0;
        var previousEnd = 0;
        foreach (var segment in segments)
        {
            Assert.True(segment.Length > 0, $"empty segment at {segment.Start}");
            Assert.InRange(segment.Start, 0, text.Length - 1);
            Assert.InRange(segment.End, segment.Start + 1, text.Length);
            Assert.Equal(text.Substring(segment.Start, segment.Length), segment.Text);
            Assert.False(char.IsLowSurrogate(text[segment.Start]), $"segment starts inside a surrogate pair at {segment.Start}");
            Assert.False(char.IsHighSurrogate(text[segment.End - 1]), $"segment ends inside a surrogate pair at {segment.End}");
            Assert.True(segment.Start >= previousStart, $"offsets go backwards at {segment.Start}");
            if (!overlapsAllowed)
                Assert.True(segment.Start >= previousEnd, $"segments overlap at {segment.Start}");
            previousStart = segment.Start;
            previousEnd = segment.End;
        }
    }
}
