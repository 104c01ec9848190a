using ReportArchive.Figures;

namespace ReportArchive.Tests.Figures;

/// <summary>docs/figures.md lists every key and every check rule.</summary>
public sealed class FigureDocsTests
{
    private static readonly string Docs = File.ReadAllText(Path.Combine(SeedReports.RepositoryRoot(), "docs", "figures.md"));

    [Fact]
    public void Docs_ListEveryFigureKey()
    {
        foreach (var key in FigureKeys.All)
        {
            var parts = key.Key.Split('.');
            switch (key.Table)
            {
                case "B":
                    Assert.Contains($"| `{string.Join('.', parts[1..^1])}` |", Docs, StringComparison.Ordinal);
                    Assert.Contains($"| `{parts[^1]}` |", Docs, StringComparison.Ordinal);
                    break;
                case "C":
                    Assert.Contains($"| `{parts[0]}` |", Docs, StringComparison.Ordinal);
                    Assert.Contains($"| `{parts[1]}` |", Docs, StringComparison.Ordinal);
                    break;
                default:
                    Assert.Contains($"| `{key.Key}` |", Docs, StringComparison.Ordinal);
                    break;
            }
        }
    }

    [Fact]
    public void FigureKeys_TellTheTemplatesAndLabelOfAKey()
    {
        Assert.Equal(["2019", "2021"], FigureKeys.TemplatesOf("requests.new.total"));
        Assert.Equal(["2021"], FigureKeys.TemplatesOf("requests.otherHandling.other.total"));
        Assert.Equal(["2019"], FigureKeys.TemplatesOf("proactive.centralizedProcurement.amount"));
        Assert.Empty(FigureKeys.TemplatesOf("requests.unknown"));
        Assert.Equal("规范性文件 × 本年新制作数量", FigureKeys.ChineseLabel("proactive.normativeDocuments.issued", "2019"));
        Assert.Equal(175 + 10 + 15, FigureKeys.ForTemplate("2021").Count);
        Assert.Equal(161 + 22 + 15, FigureKeys.ForTemplate("2019").Count);
    }

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("004")]
    public void Docs_ListEveryCheckRule(string seed)
    {
        foreach (var check in new FigureTableExtractor().Extract(SeedReports.Read(seed)).Checks)
        {
            var documented = check.Rule.StartsWith("requests.", StringComparison.Ordinal)
                ? "`" + string.Join('.', check.Rule.Split('.')[..2]) + ".<"
                : "`" + check.Rule + "`";
            Assert.Contains(documented, Docs, StringComparison.Ordinal);
        }
    }
}
