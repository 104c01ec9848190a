using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ReportArchive.Exports;

/// <summary>
/// Writes export rows as an XLSX workbook (DocumentFormat.OpenXml, written element by element): one worksheet 报告 with
/// the CSV's header row (frozen) and rows, numbers as number cells, text as inline strings, empty cells left out.
/// A zip package needs a seekable stream, so the workbook is written to a temporary file that is deleted on close,
/// then copied to <c>output</c> asynchronously; memory stays bounded whatever the number of rows.
/// </summary>
public static class XlsxExportWriter
{
    public const string SheetName = "报告";

    public static async Task WriteAsync(IAsyncEnumerable<ExportRow> rows, ExportLabels labels, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);
        await using var buffer = new FileStream(
            Path.Combine(Path.GetTempPath(), "reportarchive-export-" + Guid.NewGuid().ToString("N") + ".xlsx"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(sheet))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteElement(new SheetViews(new SheetView(
                    new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
                    { WorkbookViewId = 0 }));
                writer.WriteStartElement(new SheetData());
                var rowIndex = 1u;
                WriteRow(writer, rowIndex, ExportColumns.Headers(labels).Select(ExportCell.Of));
                await foreach (var row in rows.WithCancellation(cancellationToken))
                {
                    WriteRow(writer, ++rowIndex, ExportColumns.Cells(row, labels));
                }

                writer.WriteEndElement(); // sheetData
                writer.WriteEndElement(); // worksheet
            }

            workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = SheetName }));
            workbook.Workbook.Save();
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    private static readonly string[] ColumnLetters = Enumerable.Range(1, ExportColumns.All.Count).Select(Letters).ToArray();

    private static void WriteRow(OpenXmlWriter writer, uint rowIndex, IEnumerable<ExportCell> cells)
    {
        writer.WriteStartElement(new Row { RowIndex = rowIndex });
        var column = -1;
        string Reference() => ColumnLetters[column] + rowIndex.ToString(CultureInfo.InvariantCulture);
        foreach (var cell in cells)
        {
            column++;
            if (cell.Number is { } number)
            {
                writer.WriteElement(new Cell
                {
                    CellReference = Reference(),
                    CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)),
                });
            }
            else if (!string.IsNullOrEmpty(cell.Text))
            {
                writer.WriteElement(new Cell
                {
                    CellReference = Reference(),
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(XmlSafe(cell.Text)) { Space = SpaceProcessingModeValues.Preserve }),
                });
            }
        }

        writer.WriteEndElement();
    }

    /// <summary>A column's letters: 1 → A, 27 → AA.</summary>
    private static string Letters(int column)
    {
        var letters = new StringBuilder();
        for (var n = column; n > 0; n = (n - 1) / 26)
        {
            letters.Insert(0, (char)('A' + ((n - 1) % 26)));
        }

        return letters.ToString();
    }

    /// <summary>Characters XML 1.0 cannot carry (control characters, lone surrogates) are dropped.</summary>
    private static string XmlSafe(string text)
    {
        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                safe.Append(text, i++, 2);
            }
            else if (XmlAllowed(text[i]) && !char.IsSurrogate(text[i]))
            {
                safe.Append(text[i]);
            }
        }

        return safe.ToString();
    }

    private static bool XmlAllowed(char c) => c is '\t' or '\n' or '\r' || (c >= ' ' && c != '\uFFFE' && c != '\uFFFF');
}
