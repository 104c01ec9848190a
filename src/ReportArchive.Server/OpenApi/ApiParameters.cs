using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using ReportArchive.Exports;
using ReportArchive.Search;
using ReportArchive.Server.Search;
using ReportArchive.Statistics;

namespace ReportArchive.Server.OpenApi;

/// <summary>
/// What the OpenAPI document says of every parameter, by name: its description, its type (integers with their
/// range, although the endpoints read them as text to answer a bad one with a precise 400) and, for a closed set, its
/// values (the same lists the endpoints validate against). A parameter missing here has no description in the
/// document, which <c>OpenApiDocumentTests</c> refuses.
/// </summary>
internal static class ApiParameters
{
    public sealed record Doc(string Description, Func<OpenApiSchema> Schema);

    private static readonly Dictionary<string, Doc> ByName = new(StringComparer.Ordinal)
    {
        ["q"] = new(
            $"The query: terms separated by spaces must all occur, \"quoted text\" is one exact string, OR between terms, -term excludes. At most {SearchParameters.MaxQueryLength} characters. Empty or left out: browse.",
            () => new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = SearchParameters.MaxQueryLength }),
        ["year"] = new(
            $"The report's year, 2021, or an inclusive range 2019..2021 (an end may be left open: 2019.., ..2021); {YearRange.Earliest}–{YearRange.Latest}. Repeated: any of them.",
            () => Strings(pattern: @"^(\d{4}|\d{4}\.\.\d{0,4}|\.\.\d{4})$")),
        ["province"] = new("A province, by name (河南省) or GB/T 2260 code (41). Repeated: any of them.", () => Strings()),
        ["city"] = new("A city (prefecture), by name (洛阳市, looked up within the given province) or code (4103). Repeated: any of them. An ambiguous name is a 400 listing the candidates with their codes.", () => Strings()),
        ["county"] = new("A county or district, by name (鼓楼区, looked up within the given city and province) or code (320302). Repeated: any of them. An ambiguous name is a 400 listing the candidates with their codes.", () => Strings()),
        ["region"] = new("A GB/T 2260 division code (41 河南省, 4103 洛阳市 and its districts, 410304 瀍河回族区 alone) or a division name of any level. Repeated: any of them.", () => Strings()),
        ["agencyType"] = new("The agency's type, one of the taxonomy's labels (docs/agency-types.md). Repeated: any of them.", () => Strings(SearchParameters.AgencyTypes)),
        ["level"] = new("The tier of government of the reporting body. Repeated: any of them.", () => Strings(SearchParameters.Levels)),
        ["checks"] = new("passed: every arithmetic check of the report's tables held; failed: at least one did not.", () => Strings([SearchFilters.ChecksPassed, SearchFilters.ChecksFailed])),
        ["figure"] = new(
            "A condition on a figure key (docs/figures.md): review.total>0, requests.new.total>=10; operators > >= < <= =. Several are AND-ed; a report without that figure does not pass. For /api/stats, the one value without an operator names the statistic.",
            () => Strings()),
        ["published"] = new(
            "The publication day (发布时间) of the report's page: a day 2024-03-15, a month 2024-03, a year 2024, or an inclusive range of them 2024-01..2024-03 (an end may be left open). A report without a publication date is in no range. Repeated: any of them.",
            () => Strings(pattern: @"^[0-9.\-]+$")),
        ["source"] = new("Where the report came from: a host (www.huichang.gov.cn), a domain (huichang.gov.cn, its hosts too) or an address prefix (https://www.huichang.gov.cn/hcxxxgk/) of its source address (the upload's sourceUrl, else the page's 原文链接). Repeated: any of them; a report without a source address passes none.",
            () => Strings()),
        ["sort"] = new("The order of the hits: relevance (the default with q), -year (newest first, the default without q), year (oldest first), id (ascending); ties broken by id. Statistics and the region tree ignore it.",
            () => Strings([.. SearchSort.All.Select(sort => sort.Name)])),
        ["after"] = new("The next token of the previous page: the page after it, at constant cost, in the same order even while reports are imported or deleted. Only with page 1 (or no page). Statistics and the region tree ignore it.",
            () => new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1 }),
        ["page"] = new("The page of results, from 1.", () => Integer(1, 100_000, 1)),
        ["pageSize"] = new("Results per page.", () => Integer(1, SearchRequest.MaxPageSize, SearchRequest.DefaultPageSize)),
        ["groupBy"] = new("What the statistics are grouped by (default year).", () => new OpenApiSchema
        {
            Type = JsonSchemaType.String, Enum = [.. StatisticsGroupings.Names.Select(n => (JsonNode)JsonValue.Create(n))], Default = JsonValue.Create("year"),
        }),
        ["format"] = new("csv: UTF-8 with a byte-order mark, one column per figure key; xlsx: the same header row and rows in a worksheet, numbers as numbers; jsonl: one JSON object per line.", () => new OpenApiSchema
        {
            Type = JsonSchemaType.String, Enum = [.. ExportFormats.Names.Select(n => (JsonNode)JsonValue.Create(n))], Default = JsonValue.Create("csv"),
        }),
        ["labels"] = new("The CSV's and XLSX's header row and level values: zh, the Chinese labels (机关, 年份, the template's row × column names; 省级, 市级…); keys, the figure keys and level values scripts read (requests.new.total; province, city…). JSON Lines always has the keys.", () => new OpenApiSchema
        {
            Type = JsonSchemaType.String, Enum = [.. ExportLabelNames.Names.Select(n => (JsonNode)JsonValue.Create(n))], Default = JsonValue.Create(ExportLabelNames.Chinese),
        }),
        ["id"] = new("The report's id (the id of a search hit or of an upload's answer).", () => new OpenApiSchema
        {
            Type = JsonSchemaType.Integer, Format = "int64", Minimum = "1", Maximum = long.MaxValue.ToString(CultureInfo.InvariantCulture),
        }),
        ["agency"] = new("The agency's name as the report states it (郑州市工业和信息化局).", () => new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1 }),
        ["regionCode"] = new(
            "The report's region.code (4101). Left out: the agency's reports without a code when it has any, else its one code (400 listing them when it has several).",
            () => new OpenApiSchema { Type = JsonSchemaType.String, Pattern = @"^\d{2,12}$" }),
        ["name"] = new(
            "The file's name; its extension gives the format (.txt .md .html .htm .docx .pdf). Left out: the Content-Type names the format (text/plain, text/markdown, text/html, application/pdf, the DOCX type).",
            () => new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 4096 }),
        ["sourceUrl"] = new("Where the file came from: an absolute http or https URL, stored with the report and returned by GET /api/reports/{id}.",
            () => new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri" }),
    };

    public static Doc? For(string name) => ByName.GetValueOrDefault(name);

    private static OpenApiSchema Strings(IReadOnlyList<string>? values = null, string? pattern = null) => new()
    {
        Type = JsonSchemaType.Array,
        Items = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Pattern = pattern,
            Enum = values is null ? null : [.. values.Select(v => (JsonNode)JsonValue.Create(v))],
        },
    };

    private static OpenApiSchema Integer(int minimum, int maximum, int fallback) => new()
    {
        Type = JsonSchemaType.Integer,
        Format = "int32",
        Minimum = minimum.ToString(CultureInfo.InvariantCulture),
        Maximum = maximum.ToString(CultureInfo.InvariantCulture),
        Default = JsonValue.Create(fallback),
    };
}
