using ReportArchive.Figures;
using ReportArchive.Storage.Compact;

namespace ReportArchive.Storage;

/// <summary>
/// A report's text, figures and checks encoded as the archive stores them (<c>report_texts</c>,
/// <c>report_figures</c>, <c>report_checks</c>): built with the <see cref="IndexedReport"/>, off the write lock.
/// </summary>
internal sealed record StoredReportContent(byte[] Text, byte[] FigureValues, byte[] Checks)
{
    /// <summary>Where the figures were read (<c>report_figure_sources</c>, <see cref="FigureSourceList"/>); null for none.</summary>
    public byte[]? FigureSources { get; init; }

    public static StoredReportContent Encode(
        string text, string? template, IReadOnlyDictionary<string, decimal?> figures, IReadOnlyList<FigureCheck> checks,
        IReadOnlyDictionary<string, FigureSource>? sources = null) =>
        new(CompressedText.Compress(text), Compact.FigureValues.Encode(template, figures), CheckList.Encode(template, figures, checks))
        {
            FigureSources = sources is null ? null : FigureSourceList.Encode(sources, text),
        };
}
