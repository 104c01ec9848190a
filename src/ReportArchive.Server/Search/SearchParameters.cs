using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using ReportArchive.Agencies;
using ReportArchive.Regions;
using ReportArchive.Search;
using ReportArchive.Search.Facets;

namespace ReportArchive.Server.Search;

/// <summary>
/// The query string of <c>/api/search</c>, taken as text and validated here so every bad value gets a precise
/// message in a 400 problem+json (never a binding failure without a body).
/// </summary>
public sealed record SearchParameters(
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "year")] string[]? Year,
    [FromQuery(Name = "province")] string[]? Province,
    [FromQuery(Name = "city")] string[]? City,
    [FromQuery(Name = "county")] string[]? County,
    [FromQuery(Name = "agencyType")] string[]? AgencyType,
    [FromQuery(Name = "level")] string[]? Level,
    [FromQuery(Name = "checks")] string[]? Checks,
    [FromQuery(Name = "region")] string[]? Region,
    [FromQuery(Name = "figure")] string[]? Figure,
    [FromQuery(Name = "page")] string? Page,
    [FromQuery(Name = "pageSize")] string? PageSize,
    [FromQuery(Name = "published")] string[]? Published = null,
    [FromQuery(Name = "source")] string[]? Source = null,
    [FromQuery(Name = "sort")] string? Sort = null,
    [FromQuery(Name = "after")] string? After = null)
{
    /// <summary>The values <c>level</c> takes (a closed set: anything else is a 400 listing them).</summary>
    public static IReadOnlyList<string> Levels { get; } =
        [RegionLevels.Central, RegionLevels.Province, RegionLevels.City, RegionLevels.County, RegionLevels.Township];

    /// <summary>The values <c>agencyType</c> takes: the agency-type taxonomy's labels.</summary>
    public static IReadOnlyList<string> AgencyTypes => AgencyTypeClassifier.Labels;

    public const int MaxQueryLength = 1000;
    private const int MaxPage = 100_000;

    /// <summary>For <c>/api/stats</c>: the one <c>figure</c> value without an operator, which names the statistic.</summary>
    public string? StatisticFigure => Figure?.FirstOrDefault(f => !IsCondition(f)) is { } figure ? Folded(figure) : null;

    /// <summary>
    /// The search request, or the errors per parameter. With <paramref name="figureNamesAStatistic"/>, a <c>figure</c>
    /// value without an operator is left to the caller (see <see cref="StatisticFigure"/>) instead of being an error.
    /// </summary>
    public (SearchRequest? Request, Dictionary<string, string[]> Errors) ToRequest(bool figureNamesAStatistic = false)
    {
        var errors = new Dictionary<string, string[]>();
        if (Q is { Length: > MaxQueryLength })
        {
            errors["q"] = [$"the query is {Q.Length} characters long; at most {MaxQueryLength} are allowed"];
        }

        var years = new List<YearRange>();
        foreach (var value in Year ?? [])
        {
            if (YearRange.Parse(value) is { } range)
            {
                years.Add(range);
            }
            else
            {
                errors["year"] = [$"'{value}' is not a year (2021) or a range of years (2019..2021)"];
            }
        }

        ClosedSet("level", Level, Levels, errors);
        ClosedSet("agencyType", AgencyType, AgencyTypes, errors);
        var published = new List<PublishedRange>();
        foreach (var value in Published ?? [])
        {
            if (PublishedRange.Parse(value) is { } range)
            {
                published.Add(range);
            }
            else
            {
                errors["published"] = [$"'{value}' is not a publication day, month or year (2024-03-15, 2024-03, 2024) or a range of them (2024-01..2024-03, 2024-01.., ..2023)"];
            }
        }

        foreach (var value in Checks ?? [])
        {
            if (value is not (SearchFilters.ChecksPassed or SearchFilters.ChecksFailed))
            {
                errors["checks"] = [$"'{value}' is not '{SearchFilters.ChecksPassed}' or '{SearchFilters.ChecksFailed}'"];
            }
        }

        if (figureNamesAStatistic && (Figure ?? []).Count(f => !IsCondition(f)) > 1)
        {
            errors["figure"] = ["only one figure without an operator may name the statistic; conditions need one of > >= < <= ="];
        }

        var figures = new List<FigureCondition>();
        foreach (var value in (Figure ?? []).Where(f => !figureNamesAStatistic || IsCondition(f)))
        {
            var (condition, error) = FigureCondition.Parse(value);
            if (condition is null)
            {
                errors["figure"] = [error!];
            }
            else
            {
                figures.Add(condition);
            }
        }

        // region names and codes resolved against GB/T 2260: an ambiguous name lists its candidates with their codes
        foreach (var (field, messages) in RegionSelection.Of(SearchFilters.None with { Provinces = Values(Province), Cities = Values(City), Counties = Values(County), Regions = Values(Region) }).Errors())
        {
            errors[field] = messages;
        }

        var page = ParseInt(Page, "page", 1, 1, MaxPage, errors);
        var pageSize = ParseInt(PageSize, "pageSize", SearchRequest.DefaultPageSize, 1, SearchRequest.MaxPageSize, errors);
        var sort = Sort is null ? null : SearchSort.Parse(Sort);
        if (Sort is not null && sort is null)
        {
            errors["sort"] = [$"'{Sort}' is not one of {string.Join(", ", SearchSort.All.Select(s => s.Name))}"];
        }

        if (After is not null && page != 1)
        {
            errors["after"] = ["after continues from the page whose 'next' it is: it cannot be combined with page"];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var filters = new SearchFilters(years, Values(Province), Values(City), Values(County), Values(AgencyType), Values(Level), Values(Checks), Values(Region), figures, published, Values(Source));
        return (new SearchRequest(Q, filters, page, pageSize, sort, After), errors);
    }

    /// <summary>A 400 for a value outside a closed set, listing the values allowed.</summary>
    private static void ClosedSet(string name, string[]? values, IReadOnlyList<string> allowed, Dictionary<string, string[]> errors)
    {
        if (values?.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v) && !allowed.Contains(v.Trim(), StringComparer.Ordinal)) is { } bad)
        {
            errors[name] = [$"'{bad}' is not one of {string.Join(", ", allowed)}"];
        }
    }

    private static bool IsCondition(string figure) => Folded(figure).AsSpan().IndexOfAny('<', '>', '=') >= 0;

    /// <summary>A parameter as ASCII where it has an ASCII form (NFKC): full-width digits and operators from a Chinese input method.</summary>
    private static string Folded(string text) => WidthFolding.Fold(text);

    private static List<string> Values(string[]? values) =>
        (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.Ordinal).ToList();

    private static int ParseInt(string? text, string name, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(Folded(text), NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var value)
            || value < min || value > max)
        {
            errors[name] = [$"'{text}' is not a whole number from {min} to {max}"];
            return fallback;
        }

        return value;
    }
}
