namespace ReportArchive.Corpus.Tables;

/// <summary>
/// Random figures that satisfy every identity of the template, shaped like real reports: many bodies receive no
/// request at all, most cells are zero, a few are large.
/// </summary>
public static class ReportFiguresGenerator
{
    public static ReportFigures Generate(string template, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var rows = TemplateRows.For(template);
        var values = new Dictionary<string, decimal>();
        foreach (var row in rows.Proactive)
        {
            foreach (var key in row.Keys)
            {
                values[key] = ProactiveValue(key, rng);
            }
        }

        GenerateRequests(rows, rng, values);
        foreach (var group in rows.Review)
        {
            var active = rng.NextDouble() < 0.25;
            var sum = 0m;
            for (var i = 0; i < 4; i++)
            {
                var v = active && rng.NextDouble() < 0.5 ? rng.Next(0, 12) : 0;
                values[group.Keys[i]] = v;
                sum += v;
            }

            values[group.Keys[4]] = sum;
        }

        return new ReportFigures(rows.Template, values);
    }

    private static decimal ProactiveValue(string key, Random rng)
    {
        if (rng.NextDouble() < 0.45)
        {
            return 0;
        }

        if (key.EndsWith(".amount", StringComparison.Ordinal))
        {
            return Math.Round((decimal)(rng.NextDouble() * 2000), rng.Next(0, 5));
        }

        return key.EndsWith(".change", StringComparison.Ordinal) ? rng.Next(-9, 10) : rng.Next(0, rng.NextDouble() < 0.1 ? 5000 : 60);
    }

    private static void GenerateRequests(TemplateRows rows, Random rng, Dictionary<string, decimal> values)
    {
        var requests = rows.Requests;
        var processed = rows.ProcessedRow;
        var none = rng.NextDouble() < 0.35;
        var density = rng.NextDouble() * 0.25;
        var columnTotals = new decimal[6];
        for (var r = 2; r < processed; r++)
        {
            for (var c = 0; c < 6; c++)
            {
                var chance = c == 0 ? density * 2 : density / 2;
                decimal v = !none && rng.NextDouble() < chance ? rng.Next(1, rng.NextDouble() < 0.1 ? 400 : 20) : 0;
                values[requests[r].Keys[c]] = v;
                columnTotals[c] += v;
            }
        }

        for (var c = 0; c < 6; c++)
        {
            values[requests[processed].Keys[c]] = columnTotals[c];
            decimal carriedForward = !none && rng.NextDouble() < 0.2 ? rng.Next(0, 6) : 0;
            decimal carriedOver = !none && rng.NextDouble() < 0.2 ? rng.Next(0, 6) : 0;
            carriedOver = Math.Min(carriedOver, columnTotals[c] + carriedForward);
            values[requests[processed + 1].Keys[c]] = carriedForward;
            values[requests[1].Keys[c]] = carriedOver;
            values[requests[0].Keys[c]] = columnTotals[c] + carriedForward - carriedOver;
        }

        foreach (var row in requests)
        {
            values[row.Keys[6]] = row.Keys.Take(6).Sum(k => values[k]);
        }
    }
}
