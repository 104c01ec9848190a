using System.Text;

namespace ReportArchive.Corpus.Tables;

/// <summary>Writes printed rows the way one converter flattens a table.</summary>
internal static class TableLayoutWriter
{
    public static void Write(StringBuilder output, List<PrintedRow> rows, TableLayout layout, Random rng)
    {
        switch (layout)
        {
            case TableLayout.MarkdownPipes:
                WriteMarkdown(output, rows);
                break;
            case TableLayout.Html:
                WriteHtml(output, rows, rng);
                break;
            case TableLayout.SpaceAligned:
                foreach (var row in rows)
                {
                    output.AppendJoin(new string(' ', rng.Next(2, 6)), row.Cells.Where(c => c.Length > 0).Select(c => c.Replace('\n', ' '))).Append('\n');
                }

                break;
            case TableLayout.OneCellPerLine:
                foreach (var cell in rows.SelectMany(r => r.Cells).Where(c => c.Length > 0))
                {
                    output.Append(cell).Append('\n');
                }

                break;
            case TableLayout.NumbersAfterLabels:
                foreach (var row in rows)
                {
                    var labels = row.IsHeader ? row.Cells : row.Cells.Take(row.LabelCells);
                    var line = string.Join(' ', labels.Where(c => c.Length > 0));
                    if (line.Length > 0)
                    {
                        output.Append(line.Replace('\n', ' ')).Append('\n');
                    }
                }

                foreach (var row in rows.Where(r => !r.IsHeader))
                {
                    foreach (var value in row.Cells.Skip(row.LabelCells))
                    {
                        output.Append(value).Append('\n');
                    }
                }

                break;
            case TableLayout.BrokenLabels:
                foreach (var row in rows)
                {
                    WriteBroken(output, row);
                }

                break;
            case TableLayout.OneCharPerLineHeaders:
                foreach (var row in rows)
                {
                    if (row.Spreadable)
                    {
                        WriteSpread(output, row);
                    }
                    else
                    {
                        WriteTabs(output, row.Cells, rng);
                    }
                }

                break;
            default:
                foreach (var row in rows)
                {
                    WriteTabs(output, row.Cells, rng);
                }

                break;
        }
    }

    private static void WriteTabs(StringBuilder output, IEnumerable<string> cells, Random rng)
    {
        output.AppendJoin('\t', cells);
        if (rng.NextDouble() < 0.3)
        {
            output.Append('\t', rng.Next(1, 3));
        }

        output.Append('\n');
    }

    private static void WriteMarkdown(StringBuilder output, List<PrintedRow> rows)
    {
        var width = rows.Max(r => r.Cells.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = rows[i].Cells.Select(c => c.Replace('\n', ' ')).Concat(Enumerable.Repeat("", width - rows[i].Cells.Count));
            output.Append("| ").AppendJoin(" | ", cells).Append(" |\n");
            if (i == 0)
            {
                output.Append('|').Append(string.Concat(Enumerable.Repeat("----|", width))).Append('\n');
            }
        }
    }

    private static void WriteHtml(StringBuilder output, List<PrintedRow> rows, Random rng)
    {
        var cellBreak = rng.NextDouble() < 0.5 ? "\n" : "";
        output.Append("<table border=\"1\">\n");
        foreach (var row in rows)
        {
            output.Append("<tr>");
            foreach (var cell in row.Cells)
            {
                output.Append(cellBreak).Append("<td>").Append(System.Net.WebUtility.HtmlEncode(cell).Replace("\n", "<br/>", StringComparison.Ordinal)).Append("</td>");
            }

            output.Append("</tr>\n");
        }

        output.Append("</table>\n");
    }

    /// <summary>A long label broken after its first part, the values in the middle, the rest on the next line (seed 003).</summary>
    private static void WriteBroken(StringBuilder output, PrintedRow row)
    {
        var last = row.IsHeader ? -1 : Enumerable.Range(0, row.LabelCells).OrderByDescending(i => row.Cells[i].Length).FirstOrDefault(-1);
        var label = last < 0 ? "" : row.Cells[last];
        if (label.Length < 10)
        {
            output.AppendJoin('\t', row.Cells).Append('\n');
            return;
        }

        var split = BreakPoint(label);
        var cells = row.Cells.ToList();
        cells[last] = label[..split];
        output.AppendJoin('\t', cells).Append('\n');
        output.Append('\t', last).Append(label[split..].Trim()).Append('\n');
    }

    private static int BreakPoint(string label)
    {
        var from = (int)(label.Length * 0.6);
        for (var i = from; i < label.Length - 1; i++)
        {
            if (label[i] is '（' or '、' or '，' or ' ')
            {
                return i + 1;
            }
        }

        return (int)(label.Length * 0.75);
    }

    /// <summary>Header cells one character per line, columns kept by tabs (seed 001).</summary>
    private static void WriteSpread(StringBuilder output, PrintedRow row)
    {
        var cells = row.Cells.Select(c => c.Replace("\n", "", StringComparison.Ordinal)).ToList();
        var height = cells.Max(c => c.Length);
        for (var line = 0; line < height; line++)
        {
            output.AppendJoin('\t', cells.Select(c => line < c.Length ? c[line].ToString() : "")).Append('\n');
        }
    }
}
