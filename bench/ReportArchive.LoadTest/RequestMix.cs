using System.Globalization;
using System.Text;
using ReportArchive.Benchmarks;

namespace ReportArchive.LoadTest;

/// <summary>
/// The realistic mix, built on the benchmark's 52 queries (<see cref="BenchmarkQueries"/>): keyword searches without
/// filters (30 %), with filters (12 %), browsing by year, region, province, agency type or level (10 %), page 2 of a
/// keyword search (10 %), report details of ids taken from results (25 %), statistics (8 %) and a small export of a
/// rare term in one year (5 %).
/// </summary>
internal static class RequestMix
{
    public const string Search = "search";
    public const string Filtered = "search+filters";
    public const string Browse = "browse";
    public const string PageTwo = "page 2";
    public const string Report = "report";
    public const string Stats = "stats";
    public const string Export = "export";

    private static readonly string[] Years = ["2019", "2020", "2021", "2022", "2023", "2024"];
    private static readonly string[] BrowseFilters =
    [
        "region=4101", "region=4103", "region=%E5%86%85%E8%92%99%E5%8F%A4%E8%87%AA%E6%B2%BB%E5%8C%BA", // 内蒙古自治区
        "province=" + Escape("河南省"), "province=" + Escape("北京市"), "agencyType=" + Escape("公安"), "agencyType=" + Escape("教育"),
        "agencyType=" + Escape("民政"), "level=county", "level=city", "checks=failed",
    ];

    private static readonly string[] RareTerms = ["萝北县", "正蓝旗", "瀍河回族区", "延边朝鲜族自治州"];
    private static readonly string[] Groupings = ["year", "province", "agencyType", "level"];

    /// <summary>Every query of the benchmark as a <c>/api/search</c> request (kind by whether it filters).</summary>
    public static IReadOnlyList<LoadRequest> Searches { get; } =
        BenchmarkQueries.All.Select(q => new LoadRequest(
            q.Text is null ? Browse : q.Filters.IsEmpty ? Search : Filtered, "/api/search?" + QueryString(q))).ToList();

    private static readonly LoadRequest[] Keyword = Searches.Where(s => s.Kind == Search).ToArray();
    private static readonly string[] KeywordTexts = BenchmarkQueries.All.Where(q => q.Text is not null && q.Filters.IsEmpty).Select(q => q.Text!).ToArray();
    private static readonly LoadRequest[] WithFilters = Searches.Where(s => s.Kind == Filtered).ToArray();

    public static LoadRequest Next(Random random, ReportIds ids)
    {
        var roll = random.Next(100);
        return roll switch
        {
            < 30 => Keyword[random.Next(Keyword.Length)],
            < 42 => random.Next(2) == 0
                ? WithFilters[random.Next(WithFilters.Length)]
                : new LoadRequest(Filtered, Keyword[random.Next(Keyword.Length)].PathAndQuery + "&year=" + Years[random.Next(Years.Length)]),
            < 52 => new LoadRequest(Browse, "/api/search?" + BrowseQuery(random)),
            < 62 => new LoadRequest(PageTwo, Keyword[random.Next(Keyword.Length)].PathAndQuery + "&page=2"),
            < 87 when !ids.IsEmpty => new LoadRequest(Report, string.Create(CultureInfo.InvariantCulture, $"/api/reports/{ids.Pick(random)}")),
            < 87 => Keyword[random.Next(Keyword.Length)],
            < 95 => new LoadRequest(Stats, "/api/stats?figure=requests.new.total&groupBy=" + Groupings[random.Next(Groupings.Length)]
                + (random.Next(2) == 0 ? "" : "&q=" + Escape(KeywordTexts[random.Next(KeywordTexts.Length)]))),
            _ => new LoadRequest(Export, "/api/export?format=" + (random.Next(2) == 0 ? "csv" : "jsonl")
                + "&q=" + Escape(RareTerms[random.Next(RareTerms.Length)]) + "&year=" + Years[random.Next(Years.Length)]),
        };
    }

    private static string BrowseQuery(Random random) =>
        random.Next(3) switch
        {
            0 => "year=" + Years[random.Next(Years.Length)],
            1 => BrowseFilters[random.Next(BrowseFilters.Length)],
            _ => BrowseFilters[random.Next(BrowseFilters.Length)] + "&year=" + Years[random.Next(Years.Length)],
        };

    private static string QueryString(BenchmarkQuery query)
    {
        var parts = new StringBuilder();
        void Add(string name, string value) => parts.Append(parts.Length == 0 ? "" : "&").Append(name).Append('=').Append(Escape(value));
        if (query.Text is { } text)
        {
            Add("q", text);
        }

        var filters = query.Filters;
        foreach (var years in filters.Years)
        {
            Add("year", years.From == years.To ? years.From.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{years.From}..{years.To}"));
        }

        foreach (var (name, values) in new[]
        {
            ("province", filters.Provinces), ("city", filters.Cities), ("county", filters.Counties), ("agencyType", filters.AgencyTypes),
            ("level", filters.Levels), ("checks", filters.Checks), ("region", filters.Regions),
        })
        {
            foreach (var value in values)
            {
                Add(name, value);
            }
        }

        return parts.ToString();
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);
}
