using ReportArchive.Figures;
using ReportArchive.Storage.Compact;

namespace ReportArchive.Tests.Storage.Compact;

public sealed class FigureValuesTests
{
    [Theory]
    [InlineData(FigureKeys.Template2019)]
    [InlineData(FigureKeys.Template2021)]
    public void TemplateOrderFigures_RoundTripWithNullsDecimalsAndNegatives(string template)
    {
        var figures = TemplateFigures(template, i => (i % 7) switch
        {
            0 => null,
            1 => 0m,
            2 => 12.5m,
            3 => -3m,
            4 => 1_234_567_890_123m,
            5 => 0.000001m,
            _ => i,
        });

        var stored = FigureValues.Encode(template, figures);

        Assert.Equal(figures.ToList(), FigureValues.Decode(stored).ToList());
    }

    [Fact]
    public void TemplateOrderFigures_StoreOnlyTheValues_OneByteForSmallIntegersAndNulls()
    {
        var keys = FigureKeys.ForTemplate(FigureKeys.Template2021);
        var figures = TemplateFigures(FigureKeys.Template2021, i => i % 3 == 0 ? null : i % 2);

        Assert.Equal(1 + keys.Count, FigureValues.Encode(FigureKeys.Template2021, figures).Length);
    }

    [Fact]
    public void Decimals_AreStoredWithoutTrailingZeros_AsTheNumericColumnDid()
    {
        var figures = TemplateFigures(FigureKeys.Template2021, i => i == 0 ? 12.50m : i == 1 ? 3.000m : i == 2 ? -0.10m : 0m);

        var decoded = FigureValues.Decode(FigureValues.Encode(FigureKeys.Template2021, figures)).Values.Take(3).ToList();

        Assert.Equal(["12.5", "3", "-0.1"], decoded.Select(v => v!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void ValuesBeyondTheCompactRange_RoundTripThroughTheEscape()
    {
        var figures = TemplateFigures(FigureKeys.Template2019, i => i == 0 ? 79_228_162_514_264_337_593_543_950_335m : i == 1 ? 1.23456789m : i == 2 ? -(1m + (1L << 60)) : 1m);

        var decoded = FigureValues.Decode(FigureValues.Encode(FigureKeys.Template2019, figures));

        Assert.Equal(figures.ToList(), decoded.ToList());
    }

    [Fact]
    public void FiguresNotInTemplateOrder_KeepTheirKeysAndOrder()
    {
        var figures = new Dictionary<string, decimal?> { ["review.total"] = 2, ["requests.new.total"] = null, ["not.a.template.key"] = 1.5m };

        var decoded = FigureValues.Decode(FigureValues.Encode(FigureKeys.Template2021, figures));

        Assert.Equal(figures.ToList(), decoded.ToList());
        Assert.Empty(FigureValues.Decode(FigureValues.Encode(null, new Dictionary<string, decimal?>())));
    }

    [Theory]
    [InlineData(FigureKeys.Template2019)]
    [InlineData(FigureKeys.Template2021)]
    [InlineData(null)]
    public void TryRead_FindsOneFigureAsDecodeDoes(string? template)
    {
        var figures = template is null
            ? new Dictionary<string, decimal?> { ["review.total"] = 4, ["requests.new.total"] = null }
            : TemplateFigures(template, i => i % 5 == 0 ? null : i * 1.5m);
        var stored = FigureValues.Encode(template, figures);

        foreach (var key in FigureKeys.All.Select(k => k.Key).Distinct())
        {
            var found = FigureValues.TryRead(stored, FigureValues.Position(key), out var value);
            Assert.Equal(figures.ContainsKey(key), found);
            Assert.Equal(figures.GetValueOrDefault(key), value);
        }
    }

    [Fact]
    public void Decode_WithKeys_ReturnsOnlyThoseTheStoredSetHas()
    {
        var figures = TemplateFigures(FigureKeys.Template2019, i => i);
        var stored = FigureValues.Encode(FigureKeys.Template2019, figures);

        var decoded = FigureValues.Decode(stored, new HashSet<string>(["requests.new.total", "proactive.rules.inForce"], StringComparer.Ordinal));

        Assert.Equal([new KeyValuePair<string, decimal?>("requests.new.total", figures["requests.new.total"])], decoded.ToList());
    }

    [Fact]
    public void Decode_RejectsAColumnItDidNotWrite()
    {
        Assert.Throws<InvalidDataException>(() => FigureValues.Decode([9, 1, 2]));
        Assert.Throws<InvalidDataException>(() => FigureValues.Decode([1, 1, 2]));
        Assert.Throws<InvalidDataException>(() => FigureValues.Decode([2, 1, 2], new HashSet<string>(["review.total"], StringComparer.Ordinal)));
        Assert.Throws<InvalidDataException>(() => FigureValues.TryRead([2, 1, 2], FigureValues.Position("review.total"), out _));
    }

    private static Dictionary<string, decimal?> TemplateFigures(string template, Func<int, decimal?> value) =>
        FigureKeys.ForTemplate(template).Select((k, i) => (k.Key, Value: value(i))).ToDictionary(p => p.Key, p => p.Value);
}
