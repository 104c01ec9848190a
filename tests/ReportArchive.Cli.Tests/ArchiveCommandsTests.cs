using System.Text.Json.Nodes;
using ReportArchive.Cli.Tests.Support;

namespace ReportArchive.Cli.Tests;

public sealed class ArchiveCommandsTests
{
    [Fact]
    public async Task ImportSearchShow_WorkTogetherOnOneDataFolder()
    {
        var data = CliRunner.TemporaryDirectory();
        try
        {
            var import = await CliRunner.RunAsync("import", "seeds", "--data-dir", data);
            Assert.Equal(0, import.ExitCode);
            Assert.Contains("Imported 5, duplicates 0, failed 0.", import.Output, StringComparison.Ordinal);

            var again = await CliRunner.RunAsync("import", "seeds", "/no/such/folder", "--data-dir", data);
            Assert.Equal(1, again.ExitCode);
            Assert.Contains("/no/such/folder: no such file or folder", again.Output, StringComparison.Ordinal);
            Assert.Contains("Imported 0, duplicates 5, failed 1.", again.Output, StringComparison.Ordinal);

            var search = await CliRunner.RunAsync("search", "行政诉讼", "--year", "2020", "--year", "2023", "--json", "--data-dir", data);
            Assert.Equal(0, search.ExitCode);
            var result = JsonNode.Parse(search.Output)!;
            Assert.Equal(2, (int)result["total"]!);
            Assert.Equal(["query", "total", "page", "pageSize", "sort", "next", "tookMs", "hits", "facets", "timings"], result.AsObject().Select(p => p.Key).ToArray());

            var id = (long)(JsonNode.Parse((await CliRunner.RunAsync("search", "郑州", "--json", "--data-dir", data)).Output)!)["hits"]![0]!["id"]!;
            var show = await CliRunner.RunAsync("show", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json", "--data-dir", data);
            Assert.Equal(0, show.ExitCode);
            Assert.Equal(3, (int)JsonNode.Parse(show.Output)!["figures"]!["requests.new.total"]!);

            var missing = await CliRunner.RunAsync("show", "999", "--data-dir", data);
            Assert.Equal(3, missing.ExitCode);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task BadYear_IsACommandLineError()
    {
        var data = CliRunner.TemporaryDirectory();
        var (exit, _, error) = await CliRunner.RunAsync("search", "x", "--year", "abc", "--data-dir", data);
        Assert.Equal(2, exit);
        Assert.Contains("--year: 'abc' is not a year", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(data), "a bad command line creates no archive");
    }
}
