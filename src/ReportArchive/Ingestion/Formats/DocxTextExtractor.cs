using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ReportArchive.Ingestion.Formats;

/// <summary>
/// The text of a Word document (.docx): each paragraph on a line, each table row on one line with its cells kept
/// apart by tabs (a cell's paragraphs joined by a space); tabs and breaks inside a paragraph are kept.
/// </summary>
internal static class DocxTextExtractor
{
    public static string Extract(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        WordprocessingDocument document;
        try
        {
            document = WordprocessingDocument.Open(stream, isEditable: false);
        }
        catch (Exception exception) when (exception is OpenXmlPackageException or InvalidDataException or FileFormatException)
        {
            throw new InvalidReportFileException($"not a readable .docx file ({exception.Message})");
        }

        using (document)
        {
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new InvalidReportFileException("the .docx file has no document body");
            var text = new StringBuilder();
            AppendBlocks(body, text);
            return text.ToString();
        }
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
