using ReportArchive.Analysis.Normalization;
using ReportArchive.Documents;
using ReportArchive.TextIndex;

namespace ReportArchive.Storage;

/// <summary>
/// A parsed report ready to be written: what its row stores (file name, digest, metadata, template, warnings, the
/// number of failed checks), its text, figures and checks encoded as stored (<see cref="Content"/>) and its index
/// tokens (<see cref="IndexTokens"/>), all made off the write lock (in parallel), so the write transaction only copies.
/// It keeps nothing else: the source text, the parse result (figure tables, checks) and the normalised fields become
/// garbage once the record is made. An import holds two batches of these at a time and every garbage collection
/// meanwhile copies what they keep (they used to keep all of it: about 55 KB a report, now about 20).
/// </summary>
public sealed record IndexedReport
{
    private IndexedReport(
        SourceDocument source, ParsedReport parsed, StoredReportContent content, TokenizedFields indexTokens)
    {
        FileName = source.FileName;
        Sha256 = source.Sha256;
        Metadata = parsed.Metadata;
        Template = parsed.Figures.Template;
        Warnings = parsed.Warnings;
        FailedChecks = parsed.Figures.Checks.Count(c => !c.Ok);
        Content = content;
        IndexTokens = indexTokens;
    }

    /// <summary>The name of the file the report was read from.</summary>
    public string FileName { get; }

    /// <summary>The SHA-256 of the file's bytes (hex): duplicates are found by it.</summary>
    public string Sha256 { get; }

    public ReportMetadata Metadata { get; }

    /// <summary>The national template the figure tables follow ("2019" or "2021"), or null when no table was found.</summary>
    public string? Template { get; }

    public IReadOnlyList<string> Warnings { get; }

    /// <summary>How many of the figure checks failed.</summary>
    public int FailedChecks { get; }

    /// <summary>The text, figures and checks as stored, encoded when the record is made.</summary>
    internal StoredReportContent Content { get; }

    /// <summary>The normalised title, agency and body tokenised for the text index when the record is made.</summary>
    internal TokenizedFields IndexTokens { get; }

    public static IndexedReport Create(SourceDocument source, ParsedReport parsed)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(parsed);
        var content = StoredReportContent.Encode(source.Text, parsed.Figures.Template, parsed.Figures.Figures, parsed.Figures.Checks, parsed.Figures.Sources);
        var tokens = TokenizedFields.Tokenize(
            parsed.Metadata.Title is null ? "" : TextNormalizer.NormalizeToString(parsed.Metadata.Title),
            parsed.Metadata.Agency is null ? "" : TextNormalizer.NormalizeToString(parsed.Metadata.Agency),
            TextNormalizer.NormalizeToString(source.Text));
        return new IndexedReport(source, parsed, content, tokens);
    }
}
