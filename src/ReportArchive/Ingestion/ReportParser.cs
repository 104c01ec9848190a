using ReportArchive.Agencies;
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

    /// <summary>The report of a file: as <see cref="Parse(string)"/>, its warnings after those of the file's reading.</summary>
    public ParsedReport Parse(SourceDocument source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var parsed = Parse(source.Text);
        return source.Warnings.Count == 0 ? parsed : parsed with { Warnings = [.. source.Warnings, .. parsed.Warnings] };
    }

    public ParsedReport Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var title = TitleExtractor.FindTitle(text);
        var agency = title is null ? null : TitleExtractor.FindAgency(title);
        var year = TitleExtractor.FindYear(title, text);
        var warnings = new List<string>();
        if (agency is null)
        {
            warnings.Add("no agency found in the title");
        }

        if (year is null)
        {
            warnings.Add("no report year found in the title or the statistics period");
        }

        var resolution = RegionResolver.Default.Resolve(agency ?? title ?? "", text);
        warnings.AddRange(resolution.Warnings);
        var agencyTypes = agency is null ? [] : AgencyTypeClassifier.Default.Classify(agency);
        var metadata = new ReportMetadata(title, agency, year, resolution.Region, resolution.Level, agencyTypes);
        var figures = _figures.Extract(text);
        warnings.AddRange(figures.Warnings);
        return new ParsedReport(metadata, figures, warnings);
    }
}
