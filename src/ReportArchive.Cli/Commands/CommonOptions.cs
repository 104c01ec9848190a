using System.CommandLine;

namespace ReportArchive.Cli.Commands;

/// <summary>Options every command shares.</summary>
internal static class CommonOptions
{
    public static Option<string> DataDirectory { get; } = new("--data-dir")
    {
        Description = "The archive's data folder (holds archive.db).",
        DefaultValueFactory = _ => "index-data",
        Recursive = true,
    };

    public static Option<bool> Json { get; } = new("--json")
    {
        Description = "Print JSON (the same as the HTTP API) instead of a table.",
    };
}
