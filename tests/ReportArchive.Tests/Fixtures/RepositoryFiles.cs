namespace ReportArchive.Tests.Fixtures;

/// <summary>Files of the repository the tests read: the seed reports.</summary>
internal static class RepositoryFiles
{
    public static string Root => Testing.RepositoryRoot.Path;

    public static string SeedsDirectory => Path.Combine(Root, "seeds");

    public static string Seed(string prefix) =>
        Directory.GetFiles(SeedsDirectory, prefix + "_*.txt").Single();

    public static string SeedText(string prefix) => File.ReadAllText(Seed(prefix));
}
