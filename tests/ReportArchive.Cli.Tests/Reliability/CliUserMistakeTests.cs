using ReportArchive.Cli.Tests.Support;

namespace ReportArchive.Cli.Tests.Reliability;

/// <summary>
/// Routine mistakes — a backup target that cannot be written, an export into a folder that does not exist, a data
/// folder that is a file — end every command with exit 1 and one line saying what is wrong, never a stack trace
/// (the runtime's unhandled-exception exit, 134).
/// </summary>
public sealed class CliUserMistakeTests : IDisposable
{
    private readonly string _root = CliRunner.TemporaryDirectory();

    private string Data => Path.Combine(_root, "data");

    public static TheoryData<string, string[]> Mistakes => new()
    {
        { "a backup into a folder below a file", ["backup", "{root}/plain.txt/copy.db", "--data-dir", "{data}"] },
        { "a backup into a folder that cannot be made", ["backup", "/proc/version/copy.db", "--data-dir", "{data}"] },
        { "an export into a missing folder", ["export", "--output", "{root}/no/such/folder/e.csv", "--data-dir", "{data}"] },
        { "a data folder that is a file (search)", ["search", "行政诉讼", "--data-dir", "{root}/plain.txt"] },
        { "a data folder that is a file (import)", ["import", "{root}/in", "--data-dir", "{root}/plain.txt"] },
        { "a data folder that is a file (verify)", ["verify", "--data-dir", "{root}/plain.txt"] },
        { "a restore from a missing backup", ["restore", "{root}/missing.db", "--data-dir", "{data}"] },
        { "a verify of a file that is not an archive", ["verify", "{root}/plain.txt"] },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task AUserMistake_EndsWithExit1AndOneLine_NeverAStackTrace(string mistake, string[] arguments)
    {
        Directory.CreateDirectory(Path.Combine(_root, "in"));
        await File.WriteAllTextAsync(Path.Combine(_root, "plain.txt"), "not a folder, not an archive");
        Assert.Equal(0, (await CliRunner.RunAsync("import", Path.Combine(CliRunner.RepositoryRoot, "seeds"), "--data-dir", Data)).ExitCode);
        var expanded = arguments.Select(a => a.Replace("{root}", _root, StringComparison.Ordinal).Replace("{data}", Data, StringComparison.Ordinal)).ToArray();

        var run = await CliRunner.RunAsync(expanded);

        Assert.True(run.ExitCode == 1, $"{mistake}: exit {run.ExitCode}\n{run.Error}");
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", run.Error, StringComparison.Ordinal);
        Assert.True(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length == 1, $"{mistake}: {run.Error}");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }
}
