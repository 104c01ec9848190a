using System.Text.RegularExpressions;
using ReportArchive.Documents;
using ReportArchive.Ingestion;
using ReportArchive.Tests.Fixtures;

namespace ReportArchive.Tests.Documents;

/// <summary>Every warning the parser gives on the real reports of ../shared/real-reports reads in Chinese on the report page.</summary>
public sealed partial class ChineseWarningsTests
{
    [Fact]
    public async Task RealReports_EveryWarning_HasItsChinese()
    {
        var folder = Path.Combine(RepositoryFiles.Root, "..", "shared", "real-reports");
        var files = Directory.GetFiles(Path.Combine(folder, "reports"), "*.txt").Concat(Directory.GetFiles(Path.Combine(folder, "html"), "*.html"));
        var parser = new ReportParser();
        var untranslated = new List<string>();
        var warnings = 0;
        foreach (var file in files)
        {
            foreach (var warning in parser.Parse(await new ReportFileReader().ReadAsync(file, CancellationToken.None)).Warnings)
            {
                warnings++;
                var chinese = ChineseWarnings.Translate(warning);
                // Quoted text, figure keys and division codes may stay as printed; a word of English may not.
                if (EnglishWord().IsMatch(Quoted().Replace(chinese, "")))
                {
                    untranslated.Add($"{Path.GetFileName(file)}: {warning} → {chinese}");
                }
            }
        }

        Assert.True(warnings > 50, $"{warnings} warnings");
        Assert.True(untranslated.Count == 0, string.Join("\n", untranslated));
    }

    [GeneratedRegex(@"“[^”]*”|""[^""]*""|'[^']*'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"(?<![A-Za-z.])[A-Za-z]{3,}(?![A-Za-z.])")]
    private static partial Regex EnglishWord();
}
