using ReportArchive.Statistics;

namespace ReportArchive.Tests.Statistics;

public sealed class DerivedRateTests
{
    private static Func<string, decimal?> Figures(params (string Key, decimal? Value)[] values) =>
        key => values.FirstOrDefault(v => v.Key == key).Value;

    [Fact]
    public void Disclosure_IsGrantedPlusPartiallyGrantedOverProcessed()
    {
        var value = DerivedRates.Disclosure.Evaluate(Figures(
            ("requests.granted.total", 5), ("requests.partiallyGranted.total", 1), ("requests.processed.total", 8)));

        Assert.Equal(new FigureValue(0.75m, false), value);
    }

    [Fact]
    public void Rate_RoundsToSixDecimals()
    {
        var value = DerivedRates.Disclosure.Evaluate(Figures(
            ("requests.granted.total", 1), ("requests.partiallyGranted.total", 0), ("requests.processed.total", 3)));

        Assert.Equal(0.333333m, value.Value);
    }

    [Fact]
    public void Rate_WithZeroDenominator_IsUndefinedNotMissing()
    {
        var value = DerivedRates.ReviewCorrection.Evaluate(Figures(
            ("review.upheld", 0), ("review.corrected", 0), ("review.other", 0)));

        Assert.Equal(FigureValue.Undefined, value);
        Assert.True(value.ZeroDenominator);
    }

    [Fact]
    public void Rate_WithATermNotPrinted_IsMissing()
    {
        var value = DerivedRates.ReviewCorrection.Evaluate(Figures(("review.upheld", 2), ("review.corrected", 1)));

        Assert.Equal(FigureValue.Missing, value);
    }

    [Fact]
    public void Withheld_SumsTheEightWithheldRows()
    {
        Assert.Equal(8, DerivedRates.Withheld.Numerator.Count);
        Assert.All(DerivedRates.Withheld.Numerator, k => Assert.Matches(@"^requests\.withheld\.\w+\.total$", k));
        Assert.Equal(["requests.unable.notHeld.total", "requests.unable.needsCreation.total", "requests.unable.unclearAfterCorrection.total"],
            DerivedRates.Unable.Numerator);
    }

    [Fact]
    public void Correction_OfLitigation_UsesItsOwnGroup()
    {
        Assert.Equal("litigationAfterReview.corrected / (litigationAfterReview.upheld + litigationAfterReview.corrected + litigationAfterReview.other)",
            DerivedRates.LitigationAfterReviewCorrection.Formula);
    }

    [Theory]
    [InlineData("requests.new.total", false)]
    [InlineData("requests.otherHandling.total", false)] // 2019 template only
    [InlineData("rates.disclosure", true)]
    public void StatisticsFigure_FindsKeysOfBothTemplatesAndRates(string key, bool isRate)
    {
        var figure = StatisticsFigure.Find(key);

        Assert.NotNull(figure);
        Assert.Equal(isRate, figure.IsRate);
    }

    [Theory]
    [InlineData("requests.new")]
    [InlineData("rates.nothing")]
    [InlineData("")]
    public void StatisticsFigure_UnknownKey_IsNull(string key) => Assert.Null(StatisticsFigure.Find(key));
}
