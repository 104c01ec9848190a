using ReportArchive.Regions;
namespace ReportArchive.Documents;

/// <summary>What a report says about itself, the fields users filter on (元数据).</summary>
/// <param name="Title">The title line as printed.</param>
/// <param name="Agency">The body that wrote the report (机关), from the title.</param>
/// <param name="Region">Province, city and county, resolved from the agency name and the text.</param>
/// <param name="Year">The year the report covers, not the year it was published.</param>
/// <param name="Level">central, province, city, county or township; null when unknown.</param>
/// <param name="AgencyTypes">Canonical agency-type labels (机构类型); a merged bureau has several.</param>
/// <param name="PublishedAt">The day the page says the report was published (发布时间); null when not stated.</param>
/// <param name="SourceUrl">Where the report was published: the upload's address, else the page's 原文链接; null when neither.</param>
public sealed record ReportMetadata(
    string? Title,
    string? Agency,
    int? Year,
    ResolvedRegion Region,
    string? Level,
    IReadOnlyList<string> AgencyTypes,
    DateOnly? PublishedAt = null,
    string? SourceUrl = null);
