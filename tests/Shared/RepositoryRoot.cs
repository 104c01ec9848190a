namespace ReportArchive.Testing;

/// <summary>The repository's root folder (the one holding ReportArchive.sln), found from the test binaries.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "ReportArchive.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ReportArchive.sln not found above " + AppContext.BaseDirectory);
    }
}
