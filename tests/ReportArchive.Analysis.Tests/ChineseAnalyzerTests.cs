namespace ReportArchive.Analysis.Tests;

public sealed class ChineseAnalyzerTests
{
    [Fact]
    public void HanRun_BecomesOverlappingBigramsAndALastUnigram() =>
        AnalysisAssert.AnalyzesTo("行政诉讼",
            ["行政", "政诉", "诉讼", "讼"], starts: [0, 1, 2, 3], ends: [2, 3, 4, 4]);

    [Fact]
    public void SingleCharacter_IsAUnigram() =>
        AnalysisAssert.AnalyzesTo("公", ["公"], starts: [0], ends: [1]);

    [Fact]
    public void LineBreaksInsideAWord_AreNotABreak_AndOffsetsSpanThem() =>
        AnalysisAssert.AnalyzesTo("依申请公\n\n开",
            ["依申", "申请", "请公", "公开", "开"], starts: [0, 1, 2, 3, 6], ends: [2, 3, 4, 7, 7]);

    [Fact]
    public void CharactersSpacedOut_JoinAgain() =>
        AnalysisAssert.AnalyzesTo("结 果 维 持",
            ["结果", "果维", "维持", "持"], starts: [0, 2, 4, 6], ends: [3, 5, 7, 7]);

    [Fact]
    public void NumberThenSpaceThenHan_IsOneSegment() =>
        AnalysisAssert.AnalyzesTo("2021 年",
            ["20", "02", "21", "1年", "年"], starts: [0, 1, 2, 3, 5], ends: [2, 3, 4, 6, 6]);

    [Fact]
    public void SpaceBetweenLatinWords_SeparatesSegments() =>
        AnalysisAssert.AnalyzesTo("Gov CN",
            ["go", "ov", "v", "cn", "n"], starts: [0, 1, 2, 4, 5], ends: [2, 3, 3, 6, 6]);

    [Fact]
    public void FullWidthLatinAndDigits_FoldToAsciiLowerCase_WithOriginalOffsets() =>
        AnalysisAssert.AnalyzesTo("ＡＢ１２",
            ["ab", "b1", "12", "2"], starts: [0, 1, 2, 3], ends: [2, 3, 4, 4]);

    [Fact]
    public void Punctuation_SeparatesSegmentsAndIsNotIndexed() =>
        AnalysisAssert.AnalyzesTo("公开，政府。",
            ["公开", "开", "政府", "府"], starts: [0, 1, 3, 4], ends: [2, 2, 5, 5]);

    [Fact]
    public void IdeographicSpace_IsWhitespace() =>
        AnalysisAssert.AnalyzesTo("政府\u3000信息",
            ["政府", "府信", "信息", "息"], starts: [0, 1, 3, 4], ends: [2, 4, 5, 5]);

    [Fact]
    public void SurrogatePair_IsOneCharacterAndNeverSplit() =>
        AnalysisAssert.AnalyzesTo("\U00020000中",
            ["\U00020000中", "中"], starts: [0, 2], ends: [3, 3]);

    [Fact]
    public void ParenthesizedIdeograph_FoldsByNfkcToParentheses_AndMapsToTheWholeOriginalCharacter() =>
        AnalysisAssert.AnalyzesTo("㈠予以公开",
            ["一", "予以", "以公", "公开", "开"], starts: [0, 1, 2, 3, 4], ends: [1, 3, 4, 5, 5]);

    [Fact]
    public void TraditionalCharacters_IndexAsSimplified_WithOffsetsOnTheOriginal() =>
        AnalysisAssert.AnalyzesTo("行政訴訟",
            ["行政", "政诉", "诉讼", "讼"], starts: [0, 1, 2, 3], ends: [2, 3, 4, 4]);

    [Fact]
    public void EmptyAndPunctuationOnlyText_HaveNoTokens()
    {
        AnalysisAssert.AnalyzesTo("", []);
        AnalysisAssert.AnalyzesTo(" 。，!? \n", []);
    }

    [Fact]
    public void LargeDocument_KeepsTheContract()
    {
        var seedSentence = "本年度报告中所列数据统计期限为 2021 年 1 月 1 日至 2021 年 12 月 31 日。\n依申请公\n开，";
        var text = string.Concat(Enumerable.Repeat(seedSentence, 5000));
        var analyzed = ChineseAnalyzer.Default.Analyze(text);
        AnalysisAssert.AssertInvariants(text, analyzed);
        // 36 tokens for the dated sentence (one segment through 31日), 5 for 依申请公开.
        Assert.Equal(5000 * 41, analyzed.Tokens.Count);
    }

    [Fact]
    public void Analyzer_IsReusableAndDeterministic()
    {
        var first = ChineseAnalyzer.Default.Analyze("行政复议 行政诉讼");
        var second = ChineseAnalyzer.Default.Analyze("行政复议 行政诉讼");
        Assert.Equal(first.Tokens, second.Tokens);
    }
}
