using ReportArchive.Analysis.Conversion;
using ReportArchive.Analysis.Tests.Segmentation;

namespace ReportArchive.Analysis.Tests.Conversion;

public sealed class TraditionalToSimplifiedTests
{
    [Theory]
    [InlineData("行政訴訟", "行政诉讼")]
    [InlineData("行政復議", "行政复议")]
    [InlineData("政府資訊公開", "政府资讯公开")]
    [InlineData("政府信息公開條例", "政府信息公开条例")]
    [InlineData("依申請公開", "依申请公开")]
    [InlineData("衛生健康委員會", "卫生健康委员会")]
    [InlineData("頭髮乾燥", "头发干燥")]
    [InlineData("臺灣", "台湾")]
    [InlineData("偽造", "伪造")]
    public void Convert_MapsTraditionalToSimplified(string traditional, string simplified)
    {
        Assert.Equal(simplified, TraditionalToSimplified.Convert(traditional));
    }

    [Fact]
    public void Convert_PhraseOverridesTheCharacterTable()
    {
        // 乾 alone is 干 (dry), but 乾坤 and 乾隆 keep it
        Assert.Equal("干燥", TraditionalToSimplified.Convert("乾燥"));
        Assert.Equal("乾坤", TraditionalToSimplified.Convert("乾坤"));
        Assert.Equal("一目了然", TraditionalToSimplified.Convert("一目瞭然"));
    }

    [Fact]
    public void Convert_KeepsSimplifiedAndMixedTextAndItsLength()
    {
        const string mixed = "2021年，行政訴訟 case 3件（著名、显著）";
        var converted = TraditionalToSimplified.Convert(mixed);
        Assert.Equal("2021年，行政诉讼 case 3件（著名、显著）", converted);
        Assert.Equal(mixed.Length, converted.Length);
    }

    [Fact]
    public void Convert_SimplifiedSeedReports_ComeBackUnchanged()
    {
        foreach (var text in SeedTexts.Raw())
            Assert.Same(text, TraditionalToSimplified.Convert(text));
    }

    [Fact]
    public void Convert_PreservesLengthAndNonChineseCharacters()
    {
        var random = new Random(7);
        const string alphabet = "訴訟資訊開條例乾坤隆髮abc 123，。\U00020000\uD800";
        for (var round = 0; round < 300; round++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 30)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var converted = TraditionalToSimplified.Convert(text);
            Assert.Equal(text.Length, converted.Length);
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] < 0x2E80)
                    Assert.Equal(text[i], converted[i]);
            }
        }
    }

    [Fact]
    public void MapChar_MapsOneCharacter()
    {
        Assert.Equal('诉', TraditionalToSimplified.MapChar('訴'));
        Assert.Equal('开', TraditionalToSimplified.MapChar('開'));
        Assert.Null(TraditionalToSimplified.MapChar('诉'));
        Assert.Null(TraditionalToSimplified.MapChar('著'));
        Assert.Null(TraditionalToSimplified.MapChar('a'));
    }

    [Fact]
    public void Parse_RejectsLengthChangingEntries()
    {
        Assert.Throws<FormatException>(() => ConversionTable.Parse("㗲\t\U00020D7E\n", ""));
        Assert.Throws<FormatException>(() => ConversionTable.Parse("", "乾坤\t干\n"));
    }

    [Fact]
    public void Parse_AppliesSupplementaryPlaneMappings()
    {
        var table = ConversionTable.Parse("\U00020000\t\U00020001\n訴\t诉\n", "");
        Assert.Equal("诉\U00020001", table.Convert("訴\U00020000"));
        Assert.Equal(2, table.CharacterCount);
    }

    [Fact]
    public void Load_HasTheOpenCcTables()
    {
        var table = ConversionTable.Load();
        Assert.InRange(table.CharacterCount, 2500, 5000);
        Assert.InRange(table.PhraseCount, 100, 1000);
    }
}
