using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ReportArchive.Tests.Ingestion.Formats;

/// <summary>
/// Writes a plain-text report as HTML, DOCX and PDF the way publishers do: lines holding tabs become the rows of
/// a table (consecutive ones the same table), every other line a paragraph. The PDF is written by hand — a CID font
/// with a ToUnicode map, each table cell placed at its column's x — so no converter is needed. Two ways publishers'
/// PDFs draw tables can be asked for: every table's labels drawn before its numbers (the order a drawing-order reading
/// follows), and number cells on a staircase of baselines, each a few points lower than the cell before it in its
/// row (cells centred differently in their boxes), which a reading by position spreads over several lines.
/// </summary>
internal static class ReportDocumentWriter
{
    private const double FontSize = 8;
    private const double Leading = 12;
    private const double Margin = 36;
    private const int LinesPerPage = 60;

    public static byte[] ToHtml(string text)
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>报告</title>")
            .Append("<style>td { border: 1px solid }</style><script>var x = '不是正文';</script></head>\n<body>\n");
        foreach (var block in Blocks(text))
        {
            if (block.IsTable)
            {
                html.Append("<table>\n");
                foreach (var row in block.Lines)
                {
                    html.Append("  <tr>");
                    foreach (var cell in row.Split('\t'))
                    {
                        html.Append("<td>\n      ").Append(WebUtility.HtmlEncode(cell)).Append("\n    </td>");
                    }

                    html.Append("</tr>\n");
                }

                html.Append("</table>\n");
            }
            else
            {
                html.Append("<p>").Append(WebUtility.HtmlEncode(block.Lines[0])).Append("</p>\n");
            }
        }

        return Encoding.UTF8.GetBytes(html.Append("</body></html>\n").ToString());
    }

    public static byte[] ToDocx(string text)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            foreach (var block in Blocks(text))
            {
                if (block.IsTable)
                {
                    var table = new Table(new TableProperties(new TableBorders(
                        new TopBorder { Val = BorderValues.Single }, new BottomBorder { Val = BorderValues.Single },
                        new InsideHorizontalBorder { Val = BorderValues.Single }, new InsideVerticalBorder { Val = BorderValues.Single })));
                    foreach (var row in block.Lines)
                    {
                        table.Append(new TableRow(row.Split('\t').Select(cell => new TableCell(new Paragraph(new Run(new Text(cell) { Space = SpaceProcessingModeValues.Preserve }))))));
                    }

                    body.Append(table);
                }
                else
                {
                    body.Append(new Paragraph(new Run(new Text(block.Lines[0]) { Space = SpaceProcessingModeValues.Preserve })));
                }
            }

            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    public static byte[] ToPdf(string text, bool labelsBeforeNumbers = false, double numberBaselineStep = 0)
    {
        var lines = new List<(double X, string Text, int Column, int Block)[]>();
        var width = 0.0;
        foreach (var (block, index) in Blocks(text).Select((b, i) => (b, i)))
        {
            var cells = block.Lines.Select(l => l.Split('\t')).ToList();
            var columns = new double[cells.Max(c => c.Length)];
            foreach (var row in cells)
            {
                for (var i = 0; i < row.Length; i++)
                {
                    columns[i] = Math.Max(columns[i], (row[i].Length + 4) * FontSize);
                }
            }

            foreach (var row in cells)
            {
                var x = Margin;
                var placed = new List<(double, string, int, int)>();
                for (var i = 0; i < row.Length; i++)
                {
                    placed.Add((x, row[i], i, index));
                    x += columns[i];
                }

                width = Math.Max(width, x + Margin);
                lines.Add([.. placed]);
            }
        }

        var pages = lines.Chunk(LinesPerPage).ToList();
        var height = (LinesPerPage * Leading) + (2 * Margin);
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            $"<< /Type /Pages /Kids [{string.Join(' ', pages.Select((_, i) => $"{6 + (2 * i)} 0 R"))}] /Count {pages.Count} >>",
            "<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>",
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                + "/FontDescriptor << /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -140 1000 860] /ItalicAngle 0 /Ascent 860 /Descent -140 /CapHeight 700 /StemV 80 >> /DW 1000 >>",
            Stream(ToUnicodeMap()),
        };
        foreach (var page in pages)
        {
            var content = new StringBuilder();
            var cells = page.SelectMany((line, i) => line.Where(c => c.Text.Length > 0).Select(c => (Line: i, c.X, c.Text, c.Column, c.Block)));
            if (labelsBeforeNumbers)
            {
                cells = cells.OrderBy(c => c.Block).ThenBy(c => IsNumber(c.Text));
            }

            foreach (var (line, x, cell, column, _) in cells)
            {
                var y = height - Margin - ((line + 1) * Leading) - (IsNumber(cell) ? column * numberBaselineStep : 0);
                content.Append(CultureInfo.InvariantCulture, $"BT /F1 {FontSize} Tf {x:0.##} {y:0.##} Td <")
                    .Append(string.Concat(cell.Select(c => ((int)c).ToString("X4", CultureInfo.InvariantCulture))))
                    .Append("> Tj ET\n");
            }

            objects.Add(FormattableString.Invariant(
                $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width:0.##} {height:0.##}] /Resources << /Font << /F1 3 0 R >> >> /Contents {objects.Count + 2} 0 R >>"));
            objects.Add(Stream(content.ToString()));
        }

        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static bool IsNumber(string cell) => cell.Trim().TrimStart('-') is { Length: > 0 } digits && digits.All(char.IsAsciiDigit);

    /// <summary>CID = the character's UTF-16 code, so the map is the identity, in blocks of 256 as CMaps require.</summary>
    private static string ToUnicodeMap()
    {
        var map = new StringBuilder("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n")
            .Append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Identity-UCS def /CMapType 2 def\n")
            .Append("1 begincodespacerange <0000> <FFFF> endcodespacerange\n");
        for (var block = 0; block < 256; block += 64)
        {
            map.Append("64 beginbfrange\n");
            for (var high = block; high < block + 64; high++)
            {
                map.Append(CultureInfo.InvariantCulture, $"<{high:X2}00> <{high:X2}FF> <{high:X2}00>\n");
            }

            map.Append("endbfrange\n");
        }

        return map.Append("endcmap CMapName currentdict /CMap defineresource pop end end\n").ToString();
    }

    private static string Stream(string content) =>
        $"<< /Length {Encoding.ASCII.GetByteCount(content)} >>\nstream\n{content}\nendstream";

    private static IEnumerable<TextBlock> Blocks(string text)
    {
        var table = new List<string>();
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.Contains('\t', StringComparison.Ordinal))
            {
                table.Add(line);
                continue;
            }

            if (table.Count > 0)
            {
                yield return new TextBlock(true, table);
                table = [];
            }

            if (line.Trim().Length > 0)
            {
                yield return new TextBlock(false, [line]);
            }
        }

        if (table.Count > 0)
        {
            yield return new TextBlock(true, table);
        }
    }

    private sealed record TextBlock(bool IsTable, List<string> Lines);
}
