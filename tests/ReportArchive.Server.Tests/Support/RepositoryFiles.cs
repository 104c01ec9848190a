namespace ReportArchive.Server.Tests.Support;

/// <summary>Files of the repository the tests read: the seed reports.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string SeedsDirectory => Path.Combine(Root, "seeds");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ReportArchive.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ReportArchive.sln not found above " + AppContext.BaseDirectory);
    }
}
