using System.CommandLine;
using ReportArchive.Search;
using ReportArchive.Search.Facets;

namespace ReportArchive.Cli.Commands;

/// <summary>The query argument and filter options of <c>search</c> and <c>export</c>, and the request they make.</summary>
internal sealed class SearchFilterOptions
{
    public Argument<string> Query { get; } = new("query")
    {
        Description = "Terms (all must occur), \"exact strings\", a OR b, -excluded. Empty with filters: browse.",
        DefaultValueFactory = _ => "",
    };

    public Option<string[]> Year { get; } = new("--year") { Description = "Year or range (2019..2021); repeat to OR.", AllowMultipleArgumentsPerToken = true };

    public Option<string[]> Province { get; } = new("--province") { Description = "Province name; repeat to OR." };

    public Option<string[]> City { get; } = new("--city") { Description = "City name; repeat to OR." };

    public Option<string[]> County { get; } = new("--county") { Description = "County name; repeat to OR." };

    public Option<string[]> Region { get; } = new("--region") { Description = "Division code (4103: 洛阳市 and below) or name; repeat to OR." };

    public Option<string[]> AgencyType { get; } = new("--agency-type") { Description = "Agency type label; repeat to OR." };

    public Option<string[]> Level { get; } = new("--level") { Description = "central, province, city, county or township." };

    public Option<string[]> Checks { get; } = CreateChecks();

    public Option<string[]> Figure { get; } = new("--figure") { Description = "A figure condition such as review.total>0; repeat to AND." };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Query);
        foreach (var option in new[] { Year, Province, City, County, Region, AgencyType, Level, Checks, Figure })
        {
            command.Options.Add(option);
        }
    }

    public SearchFilters Filters(ParseResult result)
    {
        var years = new List<YearRange>();
        foreach (var value in result.GetValue(Year) ?? [])
        {
            years.Add(YearRange.Parse(value) ?? throw new CommandLineException($"--year: '{value}' is not a year (2021) or a range (2019..2021)"));
        }

        var figures = new List<FigureCondition>();
        foreach (var value in result.GetValue(Figure) ?? [])
        {
            var (condition, error) = FigureCondition.Parse(value);
            figures.Add(condition ?? throw new CommandLineException("--figure: " + error));
        }

        var filters = new SearchFilters(years, List(result.GetValue(Province)), List(result.GetValue(City)), List(result.GetValue(County)),
            List(result.GetValue(AgencyType)), List(result.GetValue(Level)), List(result.GetValue(Checks)), List(result.GetValue(Region)), figures);
        if (RegionSelection.Of(filters).Errors() is { Count: > 0 } errors)
        {
            throw new CommandLineException(string.Join("\n", errors.Select(e => $"--{e.Key}: {string.Join("\n  ", e.Value)}")));
        }

        return filters;
    }

    private static Option<string[]> CreateChecks()
    {
        var checks = new Option<string[]>("--checks") { Description = "passed or failed: whether the report's tables add up." };
        checks.AcceptOnlyFromAmong(SearchFilters.ChecksPassed, SearchFilters.ChecksFailed);
        return checks;
    }

    private static List<string> List(string[]? values) => values?.ToList() ?? [];
}
