using System.Text;
using ReportArchive.Analysis;
using ReportArchive.Analysis.Normalization;
using ReportArchive.Documents;

namespace ReportArchive.Storage;

/// <summary>
/// A parsed report ready to be written: source, parse result and the full-text index terms of its title, agency
/// and body. Built off the write lock (in parallel), so the write transaction only copies.
/// </summary>
public sealed record IndexedReport(SourceDocument Source, ParsedReport Parsed, string TitleTerms, string AgencyTerms, string BodyTerms)
{
    public static IndexedReport Create(SourceDocument source, ParsedReport parsed)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(parsed);
        return new IndexedReport(
            source,
            parsed,
            Terms(parsed.Metadata.Title),
            Terms(parsed.Metadata.Agency),
            Terms(source.Text));
    }

    private static string Terms(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length * 3);
        ChineseAnalyzer.Default.AppendIndexTerms(TextNormalizer.NormalizeToString(text), builder);
        return builder.ToString();
    }
}
