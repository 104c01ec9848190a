using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ReportArchive.Ingestion.Formats;

/// <summary>
/// The text of a Word document (.docx): each paragraph on a line, each table row on one line with its cells kept
/// apart by tabs (a cell's paragraphs joined by a space); tabs and breaks inside a paragraph are kept. The package
/// is checked first (<see cref="DocxPackageInspector"/>): sizes, entry count, XML depth.
/// </summary>
internal static class DocxTextExtractor
{
    /// <summary>
    /// The text of the document; a package that is not a sound .docx (a bad or truncated zip, a missing or malformed
    /// part, a wrong content type, a zip bomb, nesting too deep) is an <see cref="InvalidReportFileException"/>.
    /// </summary>
    public static string Extract(byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            DocxPackageInspector.Inspect(stream);
            stream.Position = 0;
            var settings = new OpenSettings { MaxCharactersInPart = DocxPackageInspector.MaxPartBytes };
            using var document = WordprocessingDocument.Open(stream, isEditable: false, settings);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new InvalidReportFileException("the .docx file has no document body");
            var text = new StringBuilder();
            AppendBlocks(body, text);
            return text.ToString();
        }
        catch (Exception exception) when (exception is not (InvalidReportFileException or OutOfMemoryException))
        {
            // Every reader failure (zip, packaging, XML, the SDK's own checks) is this one file's fault.
            throw new InvalidReportFileException($"not a readable .docx file ({exception.GetType().Name}: {FirstLine(exception.Message)})");
        }
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length <= 300 ? line : line[..300] + "…";
    }

    private static void AppendBlocks(OpenXmlElement container, StringBuilder text)
    {
        foreach (var element in container.ChildElements)
        {
            switch (element)
            {
                case Paragraph paragraph:
                    AppendParagraph(paragraph, text);
                    text.Append('\n');
                    break;
                case Table table:
                    AppendTable(table, text);
                    break;
                case SectionProperties:
                    break;
                default:
                    AppendBlocks(element, text); // content controls, inserted runs, custom XML
                    break;
            }
        }
    }

    private static void AppendTable(Table table, StringBuilder text)
    {
        foreach (var row in table.Descendants<TableRow>().Where(r => r.Ancestors<Table>().First() == table))
        {
            var cells = row.Elements<TableCell>().Select(CellText);
            text.AppendJoin('\t', cells).Append('\n');
        }
    }

    private static string CellText(TableCell cell)
    {
        var parts = new List<string>();
        foreach (var paragraph in cell.Descendants<Paragraph>())
        {
            var line = new StringBuilder();
            AppendParagraph(paragraph, line);
            var value = line.ToString().Replace('\t', ' ').Replace('\n', ' ').Trim();
            if (value.Length > 0)
            {
                parts.Add(value);
            }
        }

        return string.Join(' ', parts);
    }

    private static void AppendParagraph(OpenXmlElement paragraph, StringBuilder text)
    {
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text run:
                    text.Append(run.Text);
                    break;
                case TabChar:
                    text.Append('\t');
                    break;
                case Break or CarriageReturn:
                    text.Append('\n');
                    break;
            }
        }
    }
}
