using ReportArchive.Agencies;
using ReportArchive.Analysis.Conversion;
using ReportArchive.Documents;
using ReportArchive.Figures;
using ReportArchive.Regions;

namespace ReportArchive.Ingestion;

/// <summary>Reads everything the archive stores about a report from its text. Pure and thread-safe.</summary>
public sealed class ReportParser
{
    private readonly FigureTableExtractor _figures = new();

    /// <summary>Stored with every report, so a later parser can tell which reports to read again.</summary>
    public static int Version => FigureTableExtractor.Version;

    /// <summary>The report of a file: as <see cref="Parse(string, string)"/>, its warnings after those of the file's reading.</summary>
    public ParsedReport Parse(SourceDocument source, string? sourceUrl = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var parsed = Parse(source.Text, sourceUrl);
        return source.Warnings.Count == 0 ? parsed : parsed with { Warnings = [.. source.Warnings, .. parsed.Warnings] };
    }

    /// <param name="text">The report's text as decoded.</param>
    public ParsedReport Parse(string text) => Parse(text, sourceUrl: null);

    /// <param name="text">The report's text as decoded.</param>
    /// <param name="sourceUrl">
    /// Where the report was taken from, when the caller knows it (an upload's <c>sourceUrl</c>): the report's source URL
    /// instead of the page's 原文链接, and evidence of its region (www.huichang.gov.cn is 会昌县's portal).
    /// </param>
    public ParsedReport Parse(string text, string? sourceUrl)
    {
        ArgumentNullException.ThrowIfNull(text);
        var warnings = new List<string>();
        var metadata = ReadMetadata(text, string.IsNullOrWhiteSpace(sourceUrl) ? null : sourceUrl.Trim(), warnings);
        var figures = _figures.Extract(text);
        warnings.AddRange(figures.Warnings);
        return new ParsedReport(metadata, figures, warnings);
    }

    private static ReportMetadata ReadMetadata(string text, string? sourceUrl, List<string> warnings)
    {
        // Names are matched in simplified characters (柳江區 is 柳江区); the conversion keeps every length.
        var simplified = TraditionalToSimplified.Convert(text);
        var title = TitleExtractor.FindTitle(simplified);
        var agency = title is null ? null : TitleExtractor.FindAgency(title);
        if (agency is null && TitleExtractor.FindAgencyBesideTitle(simplified, title) is { } besideTitle)
        {
            agency = besideTitle;
            warnings.Add($"no agency in a title; read from the page's author line: {besideTitle}");
        }

        if (agency is null && TitleExtractor.FindAgencyInProse(simplified) is { } inProse)
        {
            agency = inProse;
            warnings.Add($"no agency in a title; read from the prose: {inProse}");
        }

        var year = TitleExtractor.FindYear(title, simplified);
        if (agency is null)
        {
            warnings.Add("no agency found in the title");
        }

        if (year is null)
        {
            warnings.Add("no report year found in the title or the statistics period");
        }

        // The page's address (原文链接) is in the text, so the resolver already reads it as evidence like any website the
        // text names (…guizhou.gov.cn: 贵州省); an upload's own sourceUrl is not, and is given to it beside the text.
        var source = sourceUrl ?? PageFurniture.SourceUrl(simplified);
        var resolution = RegionResolver.Default.Resolve(agency ?? title ?? "", simplified, sourceUrl);
        warnings.AddRange(resolution.Warnings);
        var agencyTypes = agency is null ? AgencyTypeClassifier.Default.InferFromProse(simplified) : AgencyTypeClassifier.Default.Classify(agency);
        if (agency is null && agencyTypes is [var inferred])
        {
            warnings.Add($"agency type inferred from the prose (the report speaks as a department and names {inferred} most): {inferred}");
        }

        return new ReportMetadata(
            title, agency, year, resolution.Region, resolution.Level, agencyTypes, PageFurniture.PublishedAt(simplified), source);
    }
}
