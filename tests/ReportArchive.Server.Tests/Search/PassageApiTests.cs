using System.Text.RegularExpressions;
using ReportArchive.Server.Tests.Support;

namespace ReportArchive.Server.Tests.Search;

/// <summary>
/// The passages of /api/search on the 2,000 generated reports (every table layout a converter produces: Markdown
/// pipes, tabs, HTML cells, one character per line, …): never the converters' markup, the matches marked, and table
/// cells the figure reader located shown with their labels.
/// </summary>
public sealed partial class PassageApiTests
{
    [Theory]
    [InlineData("行政诉讼")]
    [InlineData("结转下年度继续办理")]
    [InlineData("规章")]
    public async Task Passages_OfGeneratedReports_CarryNoMarkup(string query)
    {
        await using var app = await ArchiveApplication.WithGeneratedReports();
        using var client = await app.CreateReadyClientAsync();

        var passages = new List<string>();
        for (var page = 1; page <= 5; page++)
        {
            var result = await SearchApiTests.GetJsonAsync(client, $"/api/search?q={Uri.EscapeDataString(query)}&page={page}&pageSize=50");
            passages.AddRange(result["hits"]!.AsArray().SelectMany(h => h!["snippets"]!.AsArray()).Select(s => (string)s!));
        }

        Assert.True(passages.Count >= 200, $"{passages.Count} passages");
        Assert.All(passages, passage =>
        {
            Assert.Contains($"<mark>{query}</mark>", passage, StringComparison.Ordinal);
            var shown = MarkRegex().Replace(passage, "$1");
            Assert.DoesNotMatch(@"##|\*\*|---|\|\s*\||&lt;/?t[dhr]|&nbsp;", shown);
        });
        Assert.Contains(passages, p => LabelledCellRegex().IsMatch(p));
    }

    [GeneratedRegex("<mark>(.*?)</mark>")]
    private static partial Regex MarkRegex();

    /// <summary>A located cell with its column's label: 自然人 0, 总计 12, 本年制发件数 3.</summary>
    [GeneratedRegex(@"\| (自然人|总计|本年制发件数|结果维持) \d+")]
    private static partial Regex LabelledCellRegex();
}
