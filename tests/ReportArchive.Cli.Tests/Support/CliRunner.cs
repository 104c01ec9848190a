using System.Diagnostics;

namespace ReportArchive.Cli.Tests.Support;

/// <summary>Runs the built command line (ReportArchive.Cli.dll) as a child process, as a user would.</summary>
internal static class CliRunner
{
    public static string RepositoryRoot => Testing.RepositoryRoot.Path;

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ReportArchive.Cli.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    public static string TemporaryDirectory() =>
        Path.Combine(Path.GetTempPath(), "reportarchive-cli-tests", Guid.NewGuid().ToString("N"));
}
