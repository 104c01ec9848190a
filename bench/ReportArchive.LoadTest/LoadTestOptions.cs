using System.Globalization;

namespace ReportArchive.LoadTest;

/// <summary>
/// The command line. Either <c>--url URL</c> (a running server) or <c>--data-dir DIR</c> (start the server on that
/// archive: a folder holding archive.db, or a benchmark folder holding archive/archive.db) with an optional
/// <c>--server-dll PATH</c> (default: the server built next to this tool). <c>--connections C</c> (default 64),
/// <c>--seconds S</c> (default 60), <c>--warmup-seconds W</c> (default 5), <c>--seed S</c>, <c>--json FILE</c>.
/// <c>--during-import N</c> switches to the other measurement: search p99 idle, then while N new reports are
/// uploaded through the API (<c>--search-clients</c>, default 4; <c>--upload-clients</c>, default 2;
/// <c>--idle-seconds</c>, default 20; <c>--max-ratio</c>, default 5); it needs <c>--data-dir</c> and works on a copy
/// of the archive.
/// </summary>
internal sealed record LoadTestOptions(
    Uri? Url, string? DataDirectory, string? ServerDll, int Connections, int Seconds, int WarmupSeconds, int Seed, string? JsonPath,
    int DuringImport, int SearchClients, int UploadClients, int IdleSeconds, double MaxRatio)
{
    public static LoadTestOptions Parse(string[] args)
    {
        var url = Text(args, "--url");
        var dataDirectory = Text(args, "--data-dir");
        if ((url is null) == (dataDirectory is null))
        {
            throw new ArgumentException("give either --url URL (a running server) or --data-dir DIR (start the server on that archive)");
        }

        var options = new LoadTestOptions(
            url is null ? null : new Uri(url.TrimEnd('/') + "/"),
            dataDirectory is null ? null : ArchiveFolder(Path.GetFullPath(dataDirectory)),
            Text(args, "--server-dll") is { } dll ? Path.GetFullPath(dll) : null,
            Int(args, "--connections", 64),
            Int(args, "--seconds", 60),
            Int(args, "--warmup-seconds", 5),
            Int(args, "--seed", 20_260_601),
            Text(args, "--json") is { } json ? Path.GetFullPath(json) : null,
            Int(args, "--during-import", 0),
            Int(args, "--search-clients", 4),
            Int(args, "--upload-clients", 2),
            Int(args, "--idle-seconds", 20),
            Text(args, "--max-ratio") is { } ratio ? double.Parse(ratio, CultureInfo.InvariantCulture) : 5.0);
        if (options.DuringImport > 0 && options.DataDirectory is null)
        {
            throw new ArgumentException("--during-import needs --data-dir: it starts its own server on a copy of the archive");
        }

        return options;
    }

    /// <summary>The folder holding archive.db: DIR itself, or DIR/archive as the benchmark's --keep leaves it.</summary>
    private static string ArchiveFolder(string directory)
    {
        if (File.Exists(Path.Combine(directory, "archive.db")))
        {
            return directory;
        }

        var benchmark = Path.Combine(directory, "archive");
        return File.Exists(Path.Combine(benchmark, "archive.db"))
            ? benchmark
            : throw new ArgumentException($"no archive.db in {directory} or {benchmark}");
    }

    private static string? Text(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static int Int(string[] args, string name, int fallback) =>
        Text(args, name) is { } text ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : fallback;
}
