using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using ReportArchive.Cli.Tests.Support;
using ReportArchive.Corpus.Documents;

namespace ReportArchive.Cli.Tests.Reliability;

/// <summary>
/// <c>reportarchive import</c> of a folder that holds, beside four good reports, every file-system entry an import
/// can meet: an unreadable subfolder, a named pipe, a socket, a device (through a link), a broken link, a link loop,
/// a link back to the folder itself, and a .docx nested 40,000 content controls deep. The import never hangs (the
/// pipe is never opened), never prints a stack trace, names each entry with its reason, imports the four good
/// reports and exits 1. Where the tests run as root (who reads any folder) the CLI runs as nobody (setpriv).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class ImportFileSystemTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private readonly string _root = CliRunner.TemporaryDirectory();

    [Fact]
    public async Task HostileFileSystemEntries_AreEachNamedWithAReason_AndTheGoodReportsAreImported()
    {
        var input = Path.Combine(_root, "in");
        var data = Path.Combine(_root, "data");
        Directory.CreateDirectory(Path.Combine(input, "sub"));
        Directory.CreateDirectory(data);
        File.SetUnixFileMode(_root, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(data, (UnixFileMode)0b111_111_111); // writable by the user the CLI runs as
        var seeds = Directory.GetFiles(Path.Combine(CliRunner.RepositoryRoot, "seeds"), "*.txt").Order(StringComparer.Ordinal).Take(4).ToList();
        File.Copy(seeds[0], Path.Combine(input, "a.txt"));
        File.Copy(seeds[1], Path.Combine(input, "b.txt"));
        File.Copy(seeds[2], Path.Combine(input, "sub", "c.txt"));
        File.Copy(seeds[3], Path.Combine(input, "sub", "d.md"));

        var locked = Path.Combine(input, "locked");
        Directory.CreateDirectory(locked);
        File.Copy(seeds[0], Path.Combine(locked, "hidden.txt"));
        File.SetUnixFileMode(locked, UnixFileMode.None);
        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(input, "pipe.txt")]))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(Path.Combine(input, "socket.txt")));
        File.CreateSymbolicLink(Path.Combine(input, "zero.txt"), "/dev/zero");
        File.CreateSymbolicLink(Path.Combine(input, "dangling.txt"), Path.Combine(input, "gone.txt"));
        File.CreateSymbolicLink(Path.Combine(input, "loop.txt"), Path.Combine(input, "loop.txt"));
        Directory.CreateSymbolicLink(Path.Combine(input, "sub", "back"), input);
        var (_, deep) = new HostileDocumentGenerator(seed: 1).Generate(2).Last(); // kind d01: nested content controls
        await File.WriteAllBytesAsync(Path.Combine(input, "deep.docx"), deep);

        var (exitCode, output, error) = await RunCliAsync("import", input, "--data-dir", data);

        Assert.Equal(1, exitCode);
        Assert.DoesNotMatch(StackFrame(), output + error);
        Assert.Contains("Imported4,duplicates0,failed8.", Compact(AnsiEscape().Replace(output, "")), StringComparison.Ordinal);
        AssertFailed(output, "locked", "cannot read the folder");
        AssertFailed(output, "pipe.txt", "a named pipe (FIFO)");
        AssertFailed(output, "socket.txt", "a socket");
        AssertFailed(output, "zero.txt", "a character device");
        AssertFailed(output, "dangling.txt", "a broken symbolic link");
        AssertFailed(output, "loop.txt", "a symbolic link that cannot be followed");
        AssertFailed(output, Path.Combine("sub", "back"), "a symbolic link to a folder already imported");
        AssertFailed(output, "deep.docx", "nests XML elements deeper than");
    }

    /// <summary>The failure line of the entry (the console wraps lines and colours words: compared without either).</summary>
    private void AssertFailed(string output, string entry, string reason)
    {
        var plain = AnsiEscape().Replace(output, "");
        var failures = FailedLine().Split(plain).Select(Compact).ToList();
        var line = failures.SingleOrDefault(l => l.StartsWith(Compact(Path.Combine(_root, "in", entry) + ":"), StringComparison.Ordinal));
        Assert.True(line is not null, $"no failure line for {entry} in:\n{plain}");
        Assert.Contains(Compact(reason), line, StringComparison.Ordinal);
    }

    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [GeneratedRegex(@"\x1b\[[0-9;]*m")]
    private static partial Regex AnsiEscape();

    [GeneratedRegex("^failed ", RegexOptions.Multiline)]
    private static partial Regex FailedLine();

    /// <summary>The CLI as a child process, as nobody when the tests run as root, killed if it runs past the timeout.</summary>
    private static async Task<(int ExitCode, string Output, string Error)> RunCliAsync(params string[] arguments)
    {
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? "setpriv" : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = CliRunner.RepositoryRoot,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        if (asRoot)
        {
            foreach (var argument in (string[])["--reuid=65534", "--regid=65534", "--clear-groups", "dotnet"])
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["HOME"] = Path.GetTempPath();
            start.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ReportArchive.Cli.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"the import did not finish within {Timeout.TotalSeconds:N0} s (a pipe or device opened?)");
        }

        return (process.ExitCode, await output, await error);
    }

    [GeneratedRegex(@"^\s+at \S+\(", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    public void Dispose()
    {
        try
        {
            File.SetUnixFileMode(Path.Combine(_root, "in", "locked"), (UnixFileMode)0b111_000_000);
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }
}
