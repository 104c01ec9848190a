using ReportArchive.Cli.Tests.Support;

namespace ReportArchive.Cli.Tests.Reliability;

public sealed class BackupRestoreTests : IDisposable
{
    private readonly string _directory = CliRunner.TemporaryDirectory();

    [Fact]
    public async Task BackupThenRestore_GivesTheSameReportsAndSearchResults()
    {
        var data = Path.Combine(_directory, "data");
        var copy = Path.Combine(_directory, "backup", "archive-copy.db");
        var restored = Path.Combine(_directory, "restored");
        Assert.Equal(0, (await CliRunner.RunAsync("import", "seeds", "--data-dir", data)).ExitCode);
        var original = await CliRunner.RunAsync("search", "行政诉讼", "--json", "--data-dir", data);

        var backup = await CliRunner.RunAsync("backup", copy, "--data-dir", data);
        Assert.Equal(0, backup.ExitCode);
        Assert.Contains("Backed up 5 reports", backup.Output, StringComparison.Ordinal);

        var restore = await CliRunner.RunAsync("restore", copy, "--data-dir", restored);
        Assert.Equal(0, restore.ExitCode);
        Assert.Contains("Restored 5 reports", restore.Output, StringComparison.Ordinal);

        var again = await CliRunner.RunAsync("search", "行政诉讼", "--json", "--data-dir", restored);
        Assert.Equal(Hits(original.Output), Hits(again.Output));
        Assert.NotEmpty(Hits(again.Output));
    }

    [Fact]
    public async Task Restore_RefusesANonEmptyArchiveWithoutForce()
    {
        var data = Path.Combine(_directory, "data");
        var copy = Path.Combine(_directory, "copy.db");
        Assert.Equal(0, (await CliRunner.RunAsync("import", "seeds", "--data-dir", data)).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync("backup", copy, "--data-dir", data)).ExitCode);

        var refused = await CliRunner.RunAsync("restore", copy, "--data-dir", data);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("holds 5 reports", refused.Error, StringComparison.Ordinal);

        var forced = await CliRunner.RunAsync("restore", copy, "--force", "--data-dir", data);
        Assert.Equal(0, forced.ExitCode);
    }

    [Fact]
    public async Task Restore_RefusesAFileThatIsNotAnArchive()
    {
        Directory.CreateDirectory(_directory);
        var bogus = Path.Combine(_directory, "bogus.db");
        await File.WriteAllTextAsync(bogus, "not a database at all, just text");

        var refused = await CliRunner.RunAsync("restore", bogus, "--data-dir", Path.Combine(_directory, "data"));

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("Not restored", refused.Error, StringComparison.Ordinal);
    }

    private static List<string> Hits(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id") + ":" + h.GetProperty("fileName")).ToList();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }
}
