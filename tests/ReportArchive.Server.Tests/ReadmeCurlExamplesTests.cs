using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ReportArchive.Server.Tests.Reliability;
using ReportArchive.Server.Tests.Support;
using Xunit.Abstractions;

namespace ReportArchive.Server.Tests;

/// <summary>
/// Every <c>curl</c> line of the README, run exactly as written by bash and the real curl, in the order written (each
/// shell block in one shell, so its <c>export</c> holds), against the server through Kestrel on a free loopback port
/// with the seeds and the README's key <c>change-me</c>. curl is pointed at that port without a word of a command
/// changed: its configuration file (<c>CURL_HOME/.curlrc</c>) says <c>connect-to = 127.0.0.1:5000:127.0.0.1:PORT</c>
/// and adds a <c>write-out</c> of the status. Every command must exit 0 with a 2xx, or with the status its own comment
/// announces (<c># 400: four divisions have that name</c>); a shell block with a curl line and
/// another command fails the test (nothing is skipped silently).
/// </summary>
public sealed partial class ReadmeCurlExamplesTests(ITestOutputHelper output) : IDisposable
{
    private const string StatusMarker = "@@status ";
    private readonly string _directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "reportarchive-readme-curl", Guid.NewGuid().ToString("N"))).FullName;

    /// <summary>The status a line's comment announces (<c>curl … # 400: why</c>), or null.</summary>
    private static int? AnnouncedStatus(string command) =>
        AnnouncedStatusComment().Match(command) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"#\s*([45]\d\d):")]
    private static partial Regex AnnouncedStatusComment();

    [Fact]
    public async Task EveryCurlExampleOfTheReadme_RunsAsWritten_AndAnswers2xx()
    {
        var blocks = CurlBlocks(await File.ReadAllTextAsync(Path.Combine(ReportArchiveApp.RepositoryRoot, "README.md")));
        var commands = blocks.SelectMany(b => b).Where(l => l.StartsWith("curl ", StringComparison.Ordinal)).ToList();
        Assert.True(commands.Count >= 15, $"{commands.Count} curl lines found");

        await using var app = await LoopbackKeyedArchive.StartAsync(new Dictionary<string, string> { ["ApiKeys:1"] = "change-me" });
        await File.WriteAllTextAsync(Path.Combine(_directory, ".curlrc"),
            $"connect-to = 127.0.0.1:5000:127.0.0.1:{app.EndPoint.Port}\nwrite-out = \"\\n{StatusMarker}%{{http_code}}\\n\"\nsilent\nshow-error\n");
        // report.txt of the upload examples: a report the seeds do not hold (so the first upload creates id 6)
        var seed = await File.ReadAllTextAsync(Directory.GetFiles(RepositoryFiles.SeedsDirectory, "004_*.txt").Single());
        await File.WriteAllTextAsync(Path.Combine(_directory, "report.txt"), seed.Replace("郑州市工业和信息化局2021年", "开封市工业和信息化局2022年", StringComparison.Ordinal));

        var ran = 0;
        foreach (var block in blocks)
        {
            var script = new StringBuilder("set -u\n");
            foreach (var line in block)
            {
                if (line.StartsWith("curl ", StringComparison.Ordinal))
                {
                    script.Append(CultureInfo.InvariantCulture, $"echo '>>> {ran++}'\n{line}\necho \"<<< $?\"\n");
                }
                else
                {
                    script.Append(line).Append('\n');
                }
            }

            var result = await BashAsync(script.ToString());
            output.WriteLine(result);
            foreach (var (command, outcome) in block.Where(l => l.StartsWith("curl ", StringComparison.Ordinal)).Zip(Outcomes(result)))
            {
                var ok = AnnouncedStatus(command) is { } announced ? outcome.Status == announced : outcome.Status is >= 200 and < 300;
                Assert.True(outcome.ExitCode == 0 && ok, $"{command}\n  exit {outcome.ExitCode}, HTTP {outcome.Status}\n{result}");
            }

            Assert.Equal(block.Count(l => l.StartsWith("curl ", StringComparison.Ordinal)), Outcomes(result).Count);
        }

        Assert.Equal(commands.Count, ran);
        Assert.True(File.Exists(Path.Combine(_directory, "reports-2021.csv")));
        Assert.True(File.Exists(Path.Combine(_directory, "original.txt")));
    }

    /// <summary>The lines of every ```sh block that holds a curl line (comments and blank lines left out, continuations joined).</summary>
    private static List<List<string>> CurlBlocks(string readme)
    {
        var blocks = new List<List<string>>();
        foreach (Match block in ShellBlock().Matches(readme))
        {
            var lines = block.Groups[1].Value.Replace("\\\n", " ", StringComparison.Ordinal).Split('\n')
                .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
            if (lines.Exists(l => l.StartsWith("curl ", StringComparison.Ordinal)))
            {
                var other = lines.Where(l => !l.StartsWith("curl ", StringComparison.Ordinal) && !l.StartsWith("export ", StringComparison.Ordinal)).ToList();
                Assert.True(other.Count == 0, "a README block mixes curl with other commands: " + string.Join(" | ", other));
                blocks.Add(lines);
            }
        }

        return blocks;
    }

    private static List<(int ExitCode, int Status)> Outcomes(string result)
    {
        var outcomes = new List<(int, int)>();
        var status = 0;
        foreach (var line in result.Split('\n'))
        {
            if (line.StartsWith(">>> ", StringComparison.Ordinal))
            {
                status = 0;
            }
            else if (line.StartsWith(StatusMarker, StringComparison.Ordinal))
            {
                status = int.Parse(line[StatusMarker.Length..].Trim(), CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("<<< ", StringComparison.Ordinal))
            {
                outcomes.Add((int.Parse(line[4..].Trim(), CultureInfo.InvariantCulture), status));
            }
        }

        return outcomes;
    }

    private async Task<string> BashAsync(string script)
    {
        var info = new ProcessStartInfo("bash")
        {
            WorkingDirectory = _directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["CURL_HOME"] = _directory;
        info.Environment["XDG_CONFIG_HOME"] = _directory;
        info.Environment["HOME"] = _directory;
        using var process = Process.Start(info)!;
        await process.StandardInput.WriteAsync(script);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return await stdout + await stderr;
    }

    [GeneratedRegex("```sh\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShellBlock();

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
