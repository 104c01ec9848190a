using System.Text;

namespace ReportArchive.Corpus.Tables;

/// <summary>
/// Renders the tables of known figures as a converter would have flattened them, optionally with a defect,
/// and records what a correct reader must return. Deterministic for a given <see cref="Random"/> seed.
/// </summary>
public sealed class LabelledTableRenderer
{
    public LabelledTables Render(ReportFigures truth, TableLayout layout, Random rng, TableDefect defect = TableDefect.None)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(rng);
        var rows = TemplateRows.For(truth.Template);
        var style = LabelStyle.Random(rng);
        var printed = new Dictionary<string, decimal>(truth.Values);
        var determinable = new HashSet<string>(printed.Keys);

        if (defect == TableDefect.Inconsistent)
        {
            var row = rows.Requests[rng.Next(rows.Requests.Count)];
            var key = row.Keys[rng.Next(row.Keys.Count)];
            printed[key] = printed[key] > 0 && rng.NextDouble() < 0.5 ? printed[key] - 1 : printed[key] + rng.Next(1, 4);
        }

        var proactive = PrintedTableBuilder.Proactive(rows, printed, style);
        var requests = PrintedTableBuilder.Requests(rows, printed, style);
        var review = PrintedTableBuilder.Review(rows, printed, style);
        var requestKeys = rows.Requests.SelectMany(r => r.Keys).ToList();
        switch (defect)
        {
            case TableDefect.ExtraReviewValue:
            {
                var data = review[^1].Cells;
                var at = rng.Next(data.Count + 1);
                var extra = rng.NextDouble() < 0.6 ? "0" : data[Math.Min(at, data.Count - 1)];
                data.Insert(at, extra);
                if (TemplateArithmetic.ReviewReadingsThatAddUp([.. data.Select(decimal.Parse)]) != 1)
                {
                    determinable.ExceptWith(rows.Review.SelectMany(g => g.Keys));
                }

                break;
            }

            case TableDefect.MissingRequestCell:
            {
                var index = rng.Next(3, requests.Count);
                var row = requests[index];
                var rowKeys = rows.Requests[index - 3].Keys;
                row.Cells.RemoveAt(row.LabelCells + rng.Next(row.ValueCount));
                if (layout == TableLayout.NumbersAfterLabels)
                {
                    determinable.ExceptWith(requestKeys);
                }
                else if (rowKeys.Any(k => printed[k] != 0))
                {
                    determinable.ExceptWith(rowKeys);
                }

                break;
            }

            case TableDefect.RunTogetherCells:
            {
                var index = rng.Next(3, requests.Count);
                var row = requests[index];
                var at = row.LabelCells + rng.Next(row.ValueCount - 1);
                row.Cells[at] += row.Cells[at + 1];
                row.Cells.RemoveAt(at + 1);
                determinable.ExceptWith(layout == TableLayout.NumbersAfterLabels ? requestKeys : rows.Requests[index - 3].Keys);
                break;
            }
        }

        var text = new StringBuilder();
        text.Append(style.Heading("二、主动公开政府信息情况")).Append("\n\n");
        TableLayoutWriter.Write(text, proactive, layout, rng);
        text.Append('\n').Append(style.Heading("三、收到和处理政府信息公开申请情况")).Append("\n\n");
        TableLayoutWriter.Write(text, requests, layout, rng);
        text.Append('\n').Append(style.Heading("四、政府信息公开行政复议、行政诉讼情况")).Append("\n\n");
        TableLayoutWriter.Write(text, review, layout, rng);
        text.Append('\n');

        var failed = determinable.Count == printed.Count ? TemplateArithmetic.FailedRules(rows, printed) : [];
        var expectsWarning = defect is TableDefect.ExtraReviewValue or TableDefect.MissingRequestCell or TableDefect.RunTogetherCells;
        return new LabelledTables(text.ToString(), layout, defect, truth.Template, printed, determinable, failed, expectsWarning);
    }
}
