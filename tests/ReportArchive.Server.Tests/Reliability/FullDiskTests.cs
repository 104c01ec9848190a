using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using ReportArchive.Corpus.Reports;

namespace ReportArchive.Server.Tests.Reliability;

/// <summary>
/// A full disk, for real: the data folder on a small tmpfs (mounted by the test, which runs as root as CI does), filled
/// up. An upload answers 507 problem+json and stores nothing, the CLI import says so in one line with exit 1, and
/// once space is freed the same upload is stored and the archive is sound.
/// </summary>
public sealed class FullDiskTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "reportarchive-full-disk", Guid.NewGuid().ToString("N"));
    private string Disk => Path.Combine(_directory, "disk");
    private string Data => Path.Combine(Disk, "data");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Disk);
        var (code, error) = await RunAsync("mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", Disk);
        Assert.True(code == 0, $"this test mounts a 6 MB tmpfs and needs root (as CI runs): {error}");
    }

    [Fact]
    public async Task Upload_OnAFullDisk_Answers507AndStoresNothing_TheCliSaysSoInOneLine_AndFreedSpaceRecovers()
    {
        var seeds = Path.Combine(Testing.RepositoryRoot.Path, "seeds");
        var import = await CliChildProcess.RunAsync(_directory, "import", seeds, "--data-dir", Data);
        Assert.True(import.ExitCode == 0, import.Error);
        var reports = new ReportCorpusGenerator(seed: 61).Generate(2).ToList();
        var big = Encoding.UTF8.GetBytes(reports[0].Text + "\n" + Noise(120_000));
        var outside = Directory.CreateDirectory(Path.Combine(_directory, "more")).FullName;
        await File.WriteAllTextAsync(Path.Combine(outside, "more.txt"), reports[1].Text + "\n" + Noise(120_000));

        await using var server = await ServerChildProcess.StartAsync(Data);
        var filler = Path.Combine(Disk, "filler");
        await FillAsync(filler);

        using (var full = await server.Client.PostAsync(new Uri("/api/reports?name=big.txt", UriKind.Relative), new ByteArrayContent(big)))
        {
            Assert.Equal(HttpStatusCode.InsufficientStorage, full.StatusCode);
            Assert.Equal("application/problem+json", full.Content.Headers.ContentType?.MediaType);
            Assert.Contains("full", await full.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var cli = await CliChildProcess.RunAsync(_directory, "import", outside, "--data-dir", Data);
        Assert.Equal(1, cli.ExitCode);
        Assert.Contains("disk is full", cli.Error, StringComparison.Ordinal);
        Assert.Single(cli.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", cli.Error, StringComparison.Ordinal);

        using (var health = await server.Client.GetAsync(new Uri("/healthz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode); // a full disk is not damage
        }

        Assert.Equal(5, await TotalAsync(server.Client));
        File.Delete(filler);
        using (var stored = await server.Client.PostAsync(new Uri("/api/reports?name=big.txt", UriKind.Relative), new ByteArrayContent(big)))
        {
            Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        }

        Assert.Equal(0, (await CliChildProcess.RunAsync(_directory, "import", outside, "--data-dir", Data)).ExitCode);
        Assert.Equal(7, await TotalAsync(server.Client));
        var verify = await CliChildProcess.RunAsync(_directory, "verify", "--data-dir", Data);
        Assert.True(verify.ExitCode == 0, verify.Error);
    }

    /// <summary>Text that does not compress: random common Han characters.</summary>
    private static string Noise(int characters)
    {
        var random = new Random(characters);
        var text = new StringBuilder(characters);
        for (var i = 0; i < characters; i++)
        {
            text.Append((char)random.Next(0x4E00, 0x6000));
        }

        return text.ToString();
    }

    private static async Task FillAsync(string filler)
    {
        var chunk = new byte[64 * 1024];
        await using var file = new FileStream(filler, FileMode.Create, FileAccess.Write, FileShare.None, 1);
        try
        {
            while (true)
            {
                await file.WriteAsync(chunk);
                await file.FlushAsync();
            }
        }
        catch (IOException)
        {
            // the disk is full
        }

        try
        {
            for (var i = 0; i < 64; i++)
            {
                file.Write(chunk, 0, 4096); // the last blocks
                file.Flush();
            }
        }
        catch (IOException)
        {
            // full to the block
        }
    }

    private static async Task<long> TotalAsync(HttpClient http)
    {
        using var document = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/search?pageSize=1", UriKind.Relative)));
        return document.RootElement.GetProperty("total").GetInt64();
    }

    private static async Task<(int Code, string Error)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, error);
    }

    public async Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await RunAsync("umount", "-l", Disk);
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
