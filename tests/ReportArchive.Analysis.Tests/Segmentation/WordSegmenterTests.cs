using ReportArchive.Analysis.Segmentation;

namespace ReportArchive.Analysis.Tests.Segmentation;

public sealed class WordSegmenterTests
{
    private static readonly WordSegmenter Segmenter = WordSegmenter.Default;

    [Fact]
    public void Segment_SplitsPlaceFromDictionaryTerm()
    {
        SegmentationAssert.SegmentsTo(Segmenter, "郑州行政诉讼", "郑州@0", "行政诉讼@2");
    }

    [Theory]
    [InlineData("行政诉讼")]
    [InlineData("行政复议")]
    [InlineData("依申请公开")]
    [InlineData("不予公开")]
    [InlineData("信息处理费")]
    [InlineData("三安全一稳定")]
    [InlineData("政务新媒体")]
    [InlineData("工业和信息化局")]
    [InlineData("卫健委")]
    public void Segment_KeepsADictionaryWordWhole(string word)
    {
        SegmentationAssert.SegmentsTo(Segmenter, word, $"{word}@0");
        Assert.True(Segmenter.IsWord(word));
    }

    [Fact]
    public void Segment_SeedTitle_AgencyYearAndReportName()
    {
        // seed 000, title line, normalised (spaces next to Han removed)
        SegmentationAssert.SegmentsTo(Segmenter, "河东区工信局2021年政府信息公开工作年度报告",
            "河东区@0", "工信局@3", "2021年@6", "政府信息公开工作年度报告@11");
    }

    [Fact]
    public void Segment_SeedStatisticsPeriod_JoinsNumbersWithDateUnits()
    {
        // seed 000, preamble
        SegmentationAssert.SegmentsTo(Segmenter, "数据统计期限为2021年1月1日至2021年12月31日。",
            "数据@0", "统计@2", "期限@4", "为@6", "2021年@7", "1月@12", "1日@14", "至@16", "2021年@17", "12月@22", "31日@25");
    }

    [Fact]
    public void Segment_SeedCounts_JoinNumbersWithMeasureWords()
    {
        // seed 000, 总体情况: "90 余条", "4 条" after normalisation
        SegmentationAssert.SegmentsTo(Segmenter, "全年在区政府网站公开各类信息90余条，其中机构设置、三定方案4条",
            "全年@0", "在@2", "区@3", "政府网站@4", "公开@8", "各类@10", "信息@12", "90余条@14", "其中@19", "机构@21", "设置@23",
            "三定方案@26", "4条@30");
    }

    [Fact]
    public void Segment_SeedRequestSentence_KeepsTermsAndGroupsUnknownRun()
    {
        // seed 000, 依申请公开: 我局 is not in the dictionary; the HMM groups it instead of two single characters
        SegmentationAssert.SegmentsTo(Segmenter, "(二)依申请公开。2021年，我局未收到政府信息公开申请。",
            "二@1", "依申请公开@3", "2021年@9", "我局@15", "未@17", "收到@18", "政府信息公开申请@20");
        var ourBureau = Segmenter.Segment("我局未收到")[0];
        Assert.Equal(new Segment("我局", 0, 2, InDictionary: false), ourBureau);
    }

    [Fact]
    public void Segment_SeedFeeSentence()
    {
        // seed 000, 六（一）
        SegmentationAssert.SegmentsTo(Segmenter, "我局不存在收取信息处理费的情况。",
            "我局@0", "不@2", "存在@3", "收取@5", "信息处理费@7", "的@12", "情况@13");
    }

    [Fact]
    public void Segment_SeedTableLabels_AreWholeWords()
    {
        // seed 000, table B rows
        SegmentationAssert.SegmentsTo(Segmenter, "3.危及“三安全一稳定”", "3@0", "危及@2", "三安全一稳定@5");
        SegmentationAssert.SegmentsTo(Segmenter, "(三)不予公开1.属于国家秘密", "三@1", "不予公开@3", "1@7", "属于国家秘密@9");
    }

    [Fact]
    public void Segment_MergedBureauName_IsOneWord()
    {
        // seed 002 title; 灋 is the extraction's garbling of 瀍
        SegmentationAssert.SegmentsTo(Segmenter, "灋河回族区科技和工业信息化局",
            "灋@0", "河@1", "回族@2", "区@4", "科技和工业信息化局@5");
    }

    [Fact]
    public void Segment_NumberBeforeANonUnitWord_StaysApart()
    {
        SegmentationAssert.SegmentsTo(Segmenter, "2021年度", "2021@0", "年度@4");
    }

    [Fact]
    public void Segment_PercentAndDecimalAmounts()
    {
        SegmentationAssert.SegmentsTo(Segmenter, "占比85%，收费12.5万元", "占@0", "比@1", "85%@2", "收费@6", "12.5万元@8");
    }

    [Fact]
    public void Segment_LatinWordsAndPhoneNumbers_SkipPunctuation()
    {
        // seed 000, preamble
        SegmentationAssert.SegmentsTo(Segmenter, "网站(http://www.hedong.gov.cn/)电话:0539-2932177",
            "网站@0", "http@3", "www@10", "hedong@14", "gov@21", "cn@25", "电话@29", "0539@32", "2932177@37");
    }

    [Fact]
    public void Segment_LatinAndDigitRun_IsOneSegmentOutsideTheDictionary()
    {
        var segments = Segmenter.Segment("covid19和ipad");
        Assert.Equal([new("covid19", 0, 7, false), new("和", 7, 1, true), new("ipad", 8, 4, false)], segments);
    }

    [Fact]
    public void Segment_SupplementaryPlaneCharacters_AreNeverSplit()
    {
        // U+20000 and U+2A6D6 (CJK extension B) are two UTF-16 units each; 😀 is skipped whole
        var text = "\U00020000\U0002A6D6行政诉讼😀公开";
        var segments = Segmenter.Segment(text);
        SegmentationAssert.HoldsInvariants(text, segments, overlapsAllowed: false);
        Assert.Contains(segments, s => s.Text == "行政诉讼" && s.Start == 4);
        Assert.Contains(segments, s => s.Text == "公开" && s.Start == 10);
        Assert.Equal(4, segments.Where(s => s.End <= 4).Sum(s => s.Length));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \t\n")]
    [InlineData("，。、；：“”（）《》")]
    public void Segment_TextWithoutWords_GivesNoSegments(string text)
    {
        Assert.Empty(Segmenter.Segment(text));
    }

    [Fact]
    public void Segment_AppendsToTheCallersList()
    {
        var output = new List<Segment> { new("x", 0, 1, false) };
        Segmenter.Segment("行政诉讼", output);
        Assert.Equal(["x", "行政诉讼"], output.Select(s => s.Text));
    }

    [Fact]
    public void Segment_SeedReports_HoldInvariantsAndCoverEveryHanCharacter()
    {
        foreach (var text in SeedTexts.Normalised())
        {
            var segments = Segmenter.Segment(text);
            SegmentationAssert.HoldsInvariants(text, segments, overlapsAllowed: false);
            var covered = new bool[text.Length];
            foreach (var segment in segments)
                Array.Fill(covered, true, segment.Start, segment.Length);
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] >= '\u4E00' && text[i] <= '\u9FFF')
                    Assert.True(covered[i], $"character {text[i]} at {i} is in no segment");
            }
        }
    }

    [Fact]
    public void Segment_LargeDocument_EqualsSegmentingItsParagraphs()
    {
        var paragraphs = SeedTexts.Normalised().SelectMany(t => t.Split('\n')).Where(p => p.Length > 0).ToArray();
        var document = string.Join('\n', Enumerable.Repeat(paragraphs, 20).SelectMany(p => p));
        var whole = Segmenter.Segment(document);
        SegmentationAssert.HoldsInvariants(document, whole, overlapsAllowed: false);
        var offset = 0;
        var pieces = new List<Segment>();
        foreach (var paragraph in document.Split('\n'))
        {
            pieces.AddRange(Segmenter.Segment(paragraph).Select(s => s with { Start = s.Start + offset }));
            offset += paragraph.Length + 1;
        }
        Assert.Equal(pieces, whole);
    }

    [Fact]
    public void Segment_IsTheSameFromManyThreads()
    {
        var texts = SeedTexts.Normalised().ToArray();
        var expected = texts.Select(t => Segmenter.Segment(t)).ToArray();
        var segmenter = WordSegmenter.Create([]);
        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            Assert.Equal(expected[i % texts.Length], segmenter.Segment(texts[i % texts.Length])));
    }

    [Fact]
    public void Segment_RandomStrings_HoldInvariants()
    {
        var random = new Random(20240501);
        string[] pieces = ["行政", "诉讼", "政", "郑州", "局", "2021", "年", "12.5", "%", "abc", " ", "，", "\U00020000", "\uD800", "\uDC00", "😀", "〇", "ａ", "-", "."];
        for (var round = 0; round < 500; round++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => pieces[random.Next(pieces.Length)]));
            SegmentationAssert.HoldsInvariants(text, Segmenter.Segment(text), overlapsAllowed: false);
            SegmentationAssert.HoldsInvariants(text, Segmenter.SegmentForSearch(text), overlapsAllowed: true);
        }
    }

    [Fact]
    public void SegmentForSearch_AddsTheBigramsOfLongerWords()
    {
        var segments = Segmenter.SegmentForSearch("郑州行政诉讼");
        Assert.Equal(
            [new("郑州", 0, 2, true), new("行政诉讼", 2, 4, true), new("行政", 2, 2, true), new("政诉", 3, 2, false), new("诉讼", 4, 2, true)],
            segments);
    }

    [Fact]
    public void SegmentForSearch_AddsTheNumberOfANumberWithUnit()
    {
        var segments = Segmenter.SegmentForSearch("2021年");
        Assert.Equal([new("2021年", 0, 5, false), new("2021", 0, 4, false)], segments);
    }

    [Fact]
    public void SegmentForSearch_BigramsOfEveryLongWordCoverItsCharacterPairs()
    {
        var text = SeedTexts.Normalised().First();
        var segments = Segmenter.SegmentForSearch(text);
        SegmentationAssert.HoldsInvariants(text, segments, overlapsAllowed: true);
        var bigramStarts = segments.Where(s => s.Length == 2).Select(s => s.Start).ToHashSet();
        foreach (var word in Segmenter.Segment(text).Where(w => w.Length > 2 && w.Text.All(c => c >= '\u4E00' && c <= '\u9FFF')))
        {
            for (var start = word.Start; start < word.End - 1; start++)
                Assert.Contains(start, bigramStarts);
        }
    }

    [Theory]
    [InlineData("行政诉讼", true)]
    [InlineData("依申请公开", true)]
    [InlineData("工信局", true)]
    [InlineData("郑州", true)]
    [InlineData("诉讼行政", false)]
    [InlineData("", false)]
    public void IsWord_KnowsDictionaryAndLexiconWords(string word, bool expected)
    {
        Assert.Equal(expected, Segmenter.IsWord(word));
    }

    [Fact]
    public void Default_IsOneSharedInstance()
    {
        Assert.Same(WordSegmenter.Default, WordSegmenter.Default);
    }
}
