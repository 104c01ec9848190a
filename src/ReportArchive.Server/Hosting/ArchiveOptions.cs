namespace ReportArchive.Server.Hosting;

/// <summary>
/// Where the archive lives: <c>--data-dir DIR</c> (default <c>index-data</c> under the current folder) and the
/// folder imported on first start, <c>--seed-dir DIR</c> (default <c>seeds</c>).
/// </summary>
public sealed record ArchiveOptions(string DataDirectory, string SeedDirectory)
{
    public static ArchiveOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new ArchiveOptions(
            Path.GetFullPath(configuration["data-dir"] ?? configuration["DataDir"] ?? "index-data"),
            Path.GetFullPath(configuration["seed-dir"] ?? configuration["SeedDir"] ?? "seeds"));
    }
}
