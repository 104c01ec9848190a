using System.Text.Json;
using ReportArchive.Cli.Tests.Support;
using ReportArchive.Testing;

namespace ReportArchive.Cli.Tests.Reliability;

/// <summary>
/// The commands that take paths write only where they are told, and nothing else outside the data folder: a
/// temporary root holds the data folder, planted files and the folders given to the commands; after each command the
/// tree outside the data folder differs by exactly the file the command was asked to write (none for import and
/// restore). Files whose names hold backslashes, line breaks or escapes are stored under their own leaf name.
/// </summary>
public sealed class CliPathTests : IDisposable
{
    private readonly string _root = CliRunner.TemporaryDirectory();

    [Fact]
    public async Task Import_Export_Backup_Restore_WriteOnlyWhereTold()
    {
        var data = Path.Combine(_root, "a", "b", "data");
        var input = Path.Combine(_root, "in");
        var output = Path.Combine(_root, "out");
        var backups = Path.Combine(_root, "backups");
        foreach (var folder in new[] { input, output, backups, Path.Combine(_root, "a", "b") })
        {
            Directory.CreateDirectory(folder);
        }

        await File.WriteAllTextAsync(Path.Combine(_root, "secret.txt"), "PLANTED");
        await File.WriteAllTextAsync(Path.Combine(_root, "a", "x.txt"), "PLANTED");
        var seed = await File.ReadAllTextAsync(Directory.GetFiles(Path.Combine(CliRunner.RepositoryRoot, "seeds"), "004_*.txt").Single());
        string[] names = ["..\\..\\evil.txt", "line\nbreak.txt", "\u001b[31mred.txt", "C:\\x.txt", "plain.txt"];
        for (var i = 0; i < names.Length; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(input, names[i]), seed + $"\n附记：路径测试 {i}\n");
        }

        var tree = FileTreeSnapshot.Take(_root, data);
        var import = await CliRunner.RunAsync("import", input, "--data-dir", data);
        Assert.Equal(0, import.ExitCode);
        Assert.Empty(tree.Differences(FileTreeSnapshot.Take(_root, data)));

        var search = await CliRunner.RunAsync("search", "--json", "--page-size", "100", "--data-dir", data);
        using (var result = JsonDocument.Parse(search.Output))
        {
            var stored = result.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("fileName").GetString()).Order(StringComparer.Ordinal);
            Assert.Equal(names.Order(StringComparer.Ordinal), stored); // the leaf name on disk, nothing added or resolved
        }

        await AssertWritesExactlyAsync(data, [Path.Combine(output, "e.csv")], "export", "--output", Path.Combine(output, "e.csv"), "--data-dir", data);
        await AssertWritesExactlyAsync(data, [Path.Combine(backups, "archive.db")], "backup", backups, "--data-dir", data);
        await AssertWritesExactlyAsync(data, [Path.Combine(_root, "named.db")], "backup", Path.Combine(backups, "..", "named.db"), "--data-dir", data);
        await AssertWritesExactlyAsync(data, [], "export", "--format", "jsonl", "--data-dir", data);

        var restored = Path.Combine(_root, "a", "b", "restored");
        var beforeRestore = FileTreeSnapshot.Take(_root, data, restored);
        var restore = await CliRunner.RunAsync("restore", Path.Combine(backups, "archive.db"), "--data-dir", restored);
        Assert.Equal(0, restore.ExitCode);
        Assert.Empty(beforeRestore.Differences(FileTreeSnapshot.Take(_root, data, restored)));
        Assert.True(File.Exists(Path.Combine(restored, "archive.db")));
    }

    private async Task AssertWritesExactlyAsync(string data, string[] written, params string[] arguments)
    {
        var before = FileTreeSnapshot.Take(_root, data);

        var run = await CliRunner.RunAsync(arguments);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(written.Select(f => "created " + Path.GetFullPath(f)), before.Differences(FileTreeSnapshot.Take(_root, data)));
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
