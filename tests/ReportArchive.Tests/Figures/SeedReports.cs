namespace ReportArchive.Tests.Figures;

/// <summary>Reads the sample reports from the repository's seeds/ folder.</summary>
internal static class SeedReports
{
    public static string Read(string prefix)
    {
        var file = Directory.GetFiles(Path.Combine(RepositoryRoot(), "seeds"), prefix + "_*.txt").Single();
        return File.ReadAllText(file);
    }

    /// <summary>The folder holding ReportArchive.sln, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot()
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

        return directory.FullName;
    }
}
