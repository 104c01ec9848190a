using System.IO.Compression;
using System.Xml;

namespace ReportArchive.Ingestion.Formats;

/// <summary>
/// Checks a .docx package before the OpenXml SDK loads it, so that no file can stop the process: a bounded number
/// of entries, declared and actual inflated sizes within limits (each entry is inflated through a counting stream,
/// whatever its header says), and every XML part well-formed, without a DTD and nested no deeper than
/// <see cref="MaxXmlDepth"/> (the SDK builds its tree recursively: 32,000 nested content controls overflowed the
/// stack). What fails is an <see cref="InvalidReportFileException"/> with the reason.
/// </summary>
internal static class DocxPackageInspector
{
    public const int MaxEntries = 2_000;

    public const long MaxInflatedBytes = 64L * 1024 * 1024;

    public const long MaxPartBytes = 32L * 1024 * 1024;

    /// <summary>Word's own documents nest a few dozen elements deep (tables in tables, content controls).</summary>
    public const int MaxXmlDepth = 256;

    public static void Inspect(Stream package)
    {
        using var zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        if (zip.Entries.Count > MaxEntries)
        {
            throw new InvalidReportFileException($"the .docx package has {zip.Entries.Count:N0} entries (the limit is {MaxEntries:N0})");
        }

        long declared = 0;
        foreach (var entry in zip.Entries)
        {
            declared += entry.Length;
            if (entry.Length > MaxPartBytes || declared > MaxInflatedBytes)
            {
                throw new InvalidReportFileException(
                    $"the .docx part '{entry.FullName}' declares {entry.Length:N0} inflated bytes (limits: {MaxPartBytes:N0} a part, {MaxInflatedBytes:N0} in all)");
            }
        }

        var total = new ReadBudget(MaxInflatedBytes, "the .docx package");
        foreach (var entry in zip.Entries)
        {
            var part = new ReadBudget(MaxPartBytes, $"the .docx part '{entry.FullName}'");
            using var stream = new BoundedReadStream(new BoundedReadStream(entry.Open(), part), total);
            if (entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
            {
                CheckXml(entry.FullName, stream);
            }
            else
            {
                stream.CopyTo(Stream.Null);
            }
        }
    }

    private static void CheckXml(string name, Stream stream)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreWhitespace = true,
            IgnoreComments = true,
            CloseInput = false,
        };
        using var reader = XmlReader.Create(stream, settings);
        while (reader.Read())
        {
            if (reader.Depth > MaxXmlDepth)
            {
                throw new InvalidReportFileException($"the .docx part '{name}' nests XML elements deeper than {MaxXmlDepth:N0}");
            }
        }
    }
}
