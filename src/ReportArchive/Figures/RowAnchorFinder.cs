namespace ReportArchive.Figures;

/// <summary>
/// Finds the labels of a table's rows in template order: each row is searched after the previous row found,
/// so a word that recurs in another label or header cannot be taken for a later row's label. Labels on prose
/// lines are passed over.
/// </summary>
internal static class RowAnchorFinder
{
    public static RowAnchor?[] Find(TableText text, IReadOnlyList<TableRow> rows, int from, int to)
    {
        var anchors = new RowAnchor?[rows.Count];
        var position = from;
        for (var i = 0; i < rows.Count; i++)
        {
            var match = rows[i].Anchor.Match(text.Text, position, to - position);
            while (match.Success && text.IsSkipped(text.LineOf(match.Index)))
            {
                match = match.NextMatch();
            }

            if (match.Success)
            {
                anchors[i] = new RowAnchor(match.Index, match.Index + match.Length);
                position = match.Index + match.Length;
            }
        }

        return anchors;
    }
}
