namespace ReportArchive.Tests.Figures;

/// <summary>Reads the sample reports from the repository's seeds/ folder.</summary>
internal static class SeedReports
{
    public static string Read(string prefix)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ReportArchive.sln")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new InvalidOperationException("ReportArchive.sln not found above " + AppContext.BaseDirectory);
        }

        var file = Directory.GetFiles(Path.Combine(directory.FullName, "seeds"), prefix + "_*.txt").Single();
        return File.ReadAllText(file);
    }
}
