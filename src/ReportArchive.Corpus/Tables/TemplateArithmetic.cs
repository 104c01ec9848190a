namespace ReportArchive.Corpus.Tables;

/// <summary>
/// The template's identities, written independently of the reader: which rules fail on given values, and
/// the readings of a table C row with one value too many.
/// </summary>
internal static class TemplateArithmetic
{
    public static List<string> FailedRules(TemplateRows rows, IReadOnlyDictionary<string, decimal> values)
    {
        var failed = new List<string>();
        foreach (var row in rows.Requests)
        {
            if (row.Keys.Take(6).Sum(k => values[k]) != values[row.Keys[6]])
            {
                failed.Add("requests.rowTotal." + row.Prefix["requests.".Length..]);
            }
        }

        var requests = rows.Requests;
        var processed = rows.ProcessedRow;
        var columns = requests[0].Keys.Select(k => k[(k.LastIndexOf('.') + 1)..]).ToList();
        for (var c = 0; c < columns.Count; c++)
        {
            if (values[requests[0].Keys[c]] + values[requests[1].Keys[c]] != values[requests[processed].Keys[c]] + values[requests[processed + 1].Keys[c]])
            {
                failed.Add("requests.balance." + columns[c]);
            }
        }

        for (var c = 0; c < columns.Count; c++)
        {
            var sum = 0m;
            for (var r = 2; r < processed; r++)
            {
                sum += values[requests[r].Keys[c]];
            }

            if (sum != values[requests[processed].Keys[c]])
            {
                failed.Add("requests.processedSum." + columns[c]);
            }
        }

        foreach (var group in rows.Review)
        {
            if (group.Keys.Take(4).Sum(k => values[k]) != values[group.Keys[4]])
            {
                failed.Add(group.Prefix + ".total");
            }
        }

        return failed;
    }

    /// <summary>How many distinct 15-value readings of 16 printed values keep every group total right.</summary>
    public static int ReviewReadingsThatAddUp(IReadOnlyList<decimal> printed)
    {
        var distinct = new List<decimal[]>();
        for (var drop = 0; drop < printed.Count; drop++)
        {
            var reading = printed.Where((_, i) => i != drop).ToArray();
            var holds = true;
            for (var g = 0; g < 15; g += 5)
            {
                holds &= reading[g] + reading[g + 1] + reading[g + 2] + reading[g + 3] == reading[g + 4];
            }

            if (holds && !distinct.Any(d => d.SequenceEqual(reading)))
            {
                distinct.Add(reading);
            }
        }

        return distinct.Count;
    }
}
