using ReportArchive.Analysis.Normalization;
using ReportArchive.Documents;
using ReportArchive.TextIndex;

namespace ReportArchive.Storage;

/// <summary>
/// A parsed report ready to be written: source, parse result, and the normalised title, agency and body the text
/// index is built from. Built off the write lock (in parallel), so the write transaction only copies — the text
/// compressed, the figures and checks encoded (<see cref="Content"/>) and the index tokens (<see cref="IndexTokens"/>) included.
/// </summary>
public sealed record IndexedReport(
    SourceDocument Source, ParsedReport Parsed, string NormalizedTitle, string NormalizedAgency, string NormalizedBody)
{
    /// <summary>The text, figures and checks as stored, encoded from <see cref="Source"/> and <see cref="Parsed"/> when the record is made.</summary>
    internal StoredReportContent Content { get; } = StoredReportContent.Encode(
        Source?.Text ?? throw new ArgumentNullException(nameof(Source)), Parsed?.Figures.Template,
        Parsed?.Figures.Figures ?? throw new ArgumentNullException(nameof(Parsed)), Parsed.Figures.Checks);

    /// <summary>The normalised fields tokenised for the text index when the record is made, so the write only copies them.</summary>
    internal TokenizedFields IndexTokens { get; } = TokenizedFields.Tokenize(NormalizedTitle, NormalizedAgency, NormalizedBody);

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
            body);
    }
}
