namespace ReportArchive.Tests.Regions;

/// <summary>The sample reports in the repository's seeds/ folder, found above the test binaries.</summary>
internal static class SeedReports
{
    private static readonly Lazy<string> Folder = new(FindFolder);

    public static string Read(string number)
    {
        var file = Directory.GetFiles(Folder.Value, number + "_*.txt").Single();
        return File.ReadAllText(file);
    }

    public static IReadOnlyList<string> All() =>
        Directory.GetFiles(Folder.Value, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();

    private static string FindFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ReportArchive.sln")))
            {
                return Path.Combine(directory.FullName, "seeds");
            }
        }

        throw new DirectoryNotFoundException("No folder holding ReportArchive.sln above " + AppContext.BaseDirectory);
    }
}
