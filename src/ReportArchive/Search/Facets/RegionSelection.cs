using System.Runtime.CompilerServices;
using ReportArchive.Regions;

namespace ReportArchive.Search.Facets;

/// <summary>
/// The region filters of a request (<c>province</c>, <c>city</c>, <c>county</c>, <c>region</c>) resolved to GB/T 2260
/// divisions, so that each selects exactly the divisions it names: a report passes a field when its region code lies
/// within (is, or starts with the code of) one of that field's divisions. A value is a division code (<c>320302</c>,
/// <c>35A1</c>) or an official name; <c>province</c>, <c>city</c> and <c>county</c> look names up at their own level
/// (province-level, prefecture-level, county-level), <c>region</c> at every level. A name is looked up among the
/// divisions within the ones the higher fields of the same request name (<c>city</c> and <c>province</c> for
/// <c>county</c> and <c>region</c>, <c>province</c> for <c>city</c>), so <c>city=徐州市&amp;county=鼓楼区</c> is
/// 320302 alone; when that leaves none, the value selects nothing. A name that still denotes several divisions
/// (<c>county=鼓楼区</c> alone: four), a name no division has and a code no division has are
/// <see cref="Problems"/>, listing the candidates with their codes and full names.
/// </summary>
public sealed class RegionSelection
{
    public const string ProvinceField = "province";
    public const string CityField = "city";
    public const string CountyField = "county";
    public const string RegionField = "region";

    /// <summary>Candidates listed for a name no division has: the divisions whose names begin with it.</summary>
    private const int MaxSuggestions = 10;

    private static readonly ConditionalWeakTable<SearchFilters, RegionSelection> Resolved = [];

    // per field the divisions it selects, or null when the field is not given (an empty array selects nothing)
    private readonly AdministrativeDivision[]? _provinces;
    private readonly AdministrativeDivision[]? _cities;
    private readonly AdministrativeDivision[]? _counties;
    private readonly AdministrativeDivision[]? _regions;

    private RegionSelection(
        AdministrativeDivision[]? provinces, AdministrativeDivision[]? cities, AdministrativeDivision[]? counties, AdministrativeDivision[]? regions,
        IReadOnlyList<RegionProblem> problems)
    {
        _provinces = provinces;
        _cities = cities;
        _counties = counties;
        _regions = regions;
        Problems = problems;
        Divisions = [.. new[] { provinces, cities, counties, regions }.SelectMany(d => d ?? []).DistinctBy(d => d.Code, StringComparer.Ordinal)];
    }

    /// <summary>Every division a field selects (each once), for the region facet to show even without matches.</summary>
    public IReadOnlyList<AdministrativeDivision> Divisions { get; }

    /// <summary>The values that select no division unambiguously; none for a selection a search may use.</summary>
    public IReadOnlyList<RegionProblem> Problems { get; }

    /// <summary>No region field is given: every report passes.</summary>
    public bool IsEmpty => _provinces is null && _cities is null && _counties is null && _regions is null;

    /// <summary>The problems as the <c>errors</c> of a 400 problem+json: per field, each problem's message, then one line per candidate (<c>320302 江苏省徐州市鼓楼区</c>).</summary>
    public Dictionary<string, string[]> Errors() => Problems
        .GroupBy(p => p.Field, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.SelectMany(p => p.Candidates.Select(c => $"{c.Code} {c.FullName}").Prepend(p.Message)).ToArray(), StringComparer.Ordinal);

    /// <summary>The selection of <paramref name="filters"/> over the embedded division table, resolved once per filters object.</summary>
    public static RegionSelection Of(SearchFilters filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        return Resolved.GetValue(filters, f => Resolve(f, RegionResolver.Default.Divisions));
    }

    /// <summary>
    /// The selection of <paramref name="filters"/> for a search: throws when a value is ambiguous or unknown (the
    /// server and the command line report <see cref="Problems"/> before searching).
    /// </summary>
    internal static RegionSelection ForSearch(SearchFilters filters)
    {
        var selection = Of(filters);
        if (selection.Problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", selection.Problems.Select(p => $"{p.Field}: {p.Message}")), nameof(filters));
        }

        return selection;
    }

    public static RegionSelection Resolve(SearchFilters filters, AdministrativeDivisions divisions)
    {
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(divisions);
        var problems = new List<RegionProblem>();
        AdministrativeDivision[]? Field(string field, IReadOnlyList<string> values, DivisionLevel? level, params AdministrativeDivision[]?[] parents)
        {
            var given = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList();
            if (given.Count == 0)
            {
                return null; // blank values do not filter (as the server's parameters drop them)
            }

            // names are looked up within the nearest higher field given (its values resolved: a problem there fails the request anyway)
            var within = parents.FirstOrDefault(p => p is not null) ?? [];
            var selected = new List<AdministrativeDivision>();
            foreach (var value in given)
            {
                selected.AddRange(Lookup(divisions, field, value, level, within, problems));
            }

            return [.. selected.DistinctBy(d => d.Code, StringComparer.Ordinal)];
        }

        var provinces = Field(ProvinceField, filters.Provinces, DivisionLevel.Province);
        var cities = Field(CityField, filters.Cities, DivisionLevel.Prefecture, provinces);
        var counties = Field(CountyField, filters.Counties, DivisionLevel.County, cities, provinces);
        var regions = Field(RegionField, filters.Regions, null, cities, provinces);
        return new RegionSelection(provinces, cities, counties, regions, problems);
    }

    /// <summary>The fields (one bit per <see cref="FacetField"/>) that a report with this region code fails.</summary>
    internal int FailingFields(string? code)
    {
        var failing = 0;
        if (!Passes(_provinces, code))
        {
            failing |= FilterEvaluator.Bit(FacetField.Province);
        }

        if (!Passes(_cities, code))
        {
            failing |= FilterEvaluator.Bit(FacetField.City);
        }

        if (!Passes(_counties, code))
        {
            failing |= FilterEvaluator.Bit(FacetField.County);
        }

        if (!Passes(_regions, code))
        {
            failing |= FilterEvaluator.Bit(FacetField.Region);
        }

        return failing;
    }

    private static bool Passes(AdministrativeDivision[]? selected, string? code)
    {
        if (selected is null)
        {
            return true;
        }

        if (code is null)
        {
            return false;
        }

        foreach (var division in selected)
        {
            if (code.StartsWith(division.Code, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The division's names from its province down, run together: 江苏省徐州市鼓楼区.</summary>
    public static string FullName(AdministrativeDivisions divisions, AdministrativeDivision division)
    {
        ArgumentNullException.ThrowIfNull(divisions);
        return string.Concat(divisions.PathOf(division).Select(d => d.Name));
    }

    /// <summary>The divisions one value selects (none when a name lies outside <paramref name="within"/>), or none after recording a problem.</summary>
    private static IEnumerable<AdministrativeDivision> Lookup(
        AdministrativeDivisions divisions, string field, string value, DivisionLevel? level, AdministrativeDivision[] within, List<RegionProblem> problems)
    {
        var folded = WidthFolding.Fold(value);
        var what = level switch
        {
            DivisionLevel.Province => "province-level division",
            DivisionLevel.Prefecture => "prefecture-level division (city)",
            DivisionLevel.County => "county-level division",
            _ => "division",
        };
        if (divisions.FindByCode(folded) is { } byCode)
        {
            if (level is { } wanted && byCode.Level != wanted)
            {
                problems.Add(new RegionProblem(field, value, $"{folded} is the code of {FullName(divisions, byCode)}, not of a {what}; give it as region={folded}", [Choice(divisions, byCode)]));
                return [];
            }

            return [byCode];
        }

        if (folded.Length > 0 && folded.All(char.IsAsciiDigit))
        {
            problems.Add(new RegionProblem(field, value, $"'{value}' is not the code of a GB/T 2260 division (2 digits for a province, 4 for a city, 6 for a county)", []));
            return [];
        }

        var named = divisions.FindByName(value).Where(d => level is null || d.Level == level).ToList();
        if (named.Count == 0)
        {
            // the divisions of that name at another level (city=北京市: a province-level municipality), else those whose names begin with it
            var atOtherLevels = divisions.FindByName(value);
            var suggestions = (atOtherLevels.Count > 0
                    ? atOtherLevels
                    : divisions.All.Where(d => (level is null || d.Level == level) && d.Name.StartsWith(value, StringComparison.Ordinal)))
                .Take(MaxSuggestions)
                .Select(d => Choice(divisions, d))
                .ToList();
            var message = (atOtherLevels.Count, suggestions.Count) switch
            {
                ( > 0, _) => $"no {what} is named '{value}'; divisions of that name at another level (give one as region=CODE):",
                (_, > 0) => $"no {what} is named '{value}'; divisions whose names begin with it:",
                _ => $"no {what} is named '{value}'",
            };
            problems.Add(new RegionProblem(field, value, message, suggestions));
            return [];
        }

        var inScope = within.Length == 0 ? named : named.Where(d => within.Any(p => AdministrativeDivisions.IsWithin(d.Code, p.Code))).ToList();
        if (inScope.Count > 1)
        {
            problems.Add(new RegionProblem(field, value,
                $"'{value}' names {inScope.Count} divisions; choose one by its code, as region=CODE:", inScope.ConvertAll(d => Choice(divisions, d))));
            return [];
        }

        return [.. inScope];
    }

    private static RegionChoice Choice(AdministrativeDivisions divisions, AdministrativeDivision division) => new(division.Code, FullName(divisions, division));
}

/// <summary>A value of a region field that selects no division unambiguously, with the divisions it may have meant.</summary>
public sealed record RegionProblem(string Field, string Value, string Message, IReadOnlyList<RegionChoice> Candidates);

/// <summary>A division offered for an ambiguous or unknown name: its code and its full name (江苏省徐州市鼓楼区).</summary>
public sealed record RegionChoice(string Code, string FullName);
