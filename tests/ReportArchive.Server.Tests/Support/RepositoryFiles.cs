namespace ReportArchive.Server.Tests.Support;

/// <summary>Files of the repository the tests read: the seed reports.</summary>
internal static class RepositoryFiles
{
    public static string Root => Testing.RepositoryRoot.Path;

    public static string SeedsDirectory => Path.Combine(Root, "seeds");
}
