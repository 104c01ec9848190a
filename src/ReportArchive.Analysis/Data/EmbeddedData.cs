using System.IO.Compression;
using System.Text;

namespace ReportArchive.Analysis.Data;

/// <summary>Reads the data files of this folder, embedded in the assembly under their file names.</summary>
internal static class EmbeddedData
{
    private const string Prefix = "ReportArchive.Analysis.Data.";

    public static string ReadText(string fileName)
    {
        using var stream = Open(fileName);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Reads a gzip-compressed UTF-8 text file.</summary>
    public static string ReadGzipText(string fileName)
    {
        using var stream = Open(fileName);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static Stream Open(string fileName) =>
        typeof(EmbeddedData).Assembly.GetManifestResourceStream(Prefix + fileName)
        ?? throw new InvalidOperationException($"The embedded data file '{fileName}' is missing from the assembly.");
}
