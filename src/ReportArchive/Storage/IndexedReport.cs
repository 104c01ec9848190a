using ReportArchive.Analysis.Normalization;
using ReportArchive.Documents;
using ReportArchive.Keywords;

namespace ReportArchive.Storage;

/// <summary>
/// A parsed report ready to be written: source, parse result, the normalised title, agency and body the text index
/// is built from, and the distinct words that count towards keyword document frequencies. Built off the write lock
/// (in parallel), so the write transaction only copies.
/// </summary>
public sealed record IndexedReport(
    SourceDocument Source, ParsedReport Parsed, string NormalizedTitle, string NormalizedAgency, string NormalizedBody, IReadOnlySet<string> Words)
{
    public static IndexedReport Create(SourceDocument source, ParsedReport parsed)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(parsed);
        var body = TextNormalizer.NormalizeToString(source.Text);
        return new IndexedReport(
            source,
            parsed,
            parsed.Metadata.Title is null ? "" : TextNormalizer.NormalizeToString(parsed.Metadata.Title),
            parsed.Metadata.Agency is null ? "" : TextNormalizer.NormalizeToString(parsed.Metadata.Agency),
            body,
            KeywordExtractor.Default.DistinctWords(body));
    }
}
