using ReportArchive.Analysis.Normalization;
using ReportArchive.Corpus.Reports;
using ReportArchive.TextIndex;

namespace ReportArchive.Tests.TextIndex;

/// <summary>A report's normalised fields as the tests index them, with the brute-force meaning of a query.</summary>
internal sealed record IndexedText(long Id, string Title, string Agency, string Body)
{
    /// <summary>The oracle: every required clause has a term some field contains, no excluded term occurs.</summary>
    public bool Matches(IndexQuery query) =>
        query.Required.All(clause => clause.Any(Contains)) && !query.Excluded.Any(clause => clause.Any(Contains));

    public bool Contains(string term) =>
        Title.Contains(term, StringComparison.Ordinal) || Agency.Contains(term, StringComparison.Ordinal)
        || Body.Contains(term, StringComparison.Ordinal);

    public static IndexedText Of(long id, string title, string agency, string body) => new(
        id, TextNormalizer.NormalizeToString(title), TextNormalizer.NormalizeToString(agency), TextNormalizer.NormalizeToString(body));

    /// <summary>Generated reports: title the first line, agency the generating body's name, body the whole text.</summary>
    public static List<IndexedText> Generated(int count, int seed) => new ReportCorpusGenerator(seed).Generate(count)
        .Select((r, i) => Of(i + 1, r.Text.Split('\n')[0], r.Agency.Name, r.Text))
        .ToList();

    /// <summary>Segments of <paramref name="batch"/> reports each.</summary>
    public static List<IndexSegment> Segments(IEnumerable<IndexedText> texts, int batch)
    {
        var segments = new List<IndexSegment>();
        foreach (var chunk in texts.Chunk(batch))
        {
            var builder = new SegmentBuilder();
            foreach (var text in chunk)
            {
                builder.Add(text.Id, text.Title, text.Agency, text.Body);
            }

            segments.Add(builder.Build());
        }

        return segments;
    }

    public static IndexQuery Query(params string[] required) =>
        new(required.Select(t => (IReadOnlyList<string>)[TextNormalizer.NormalizeToString(t)]).ToList(), []);
}
