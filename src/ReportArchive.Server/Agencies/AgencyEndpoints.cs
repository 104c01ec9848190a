using Microsoft.AspNetCore.Http.HttpResults;
using ReportArchive.Agencies.History;
using ReportArchive.Storage;

namespace ReportArchive.Server.Agencies;

public static class AgencyEndpoints
{
    public static IEndpointRouteBuilder MapAgencyEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/agencies/reports", GetReports)
            .WithName("GetAgencyReports")
            .WithTags("Agencies")
            .WithSummary("One agency's reports across years (same name and region code) with their key figures, and the checks between consecutive years.");
        routes.MapGet("/api/agencies/years", GetYears)
            .WithName("GetAgencyYears")
            .WithTags("Agencies")
            .WithSummary("One agency's reports side by side: key figures year by year with the change from the report before, the cross-year checks, and each part's sentences compared with the report before (copied, similar, new).");
        return routes;
    }

    private static Results<Ok<AgencySeries>, ProblemHttpResult> GetReports(string? agency, string? regionCode, ReportStore store)
    {
        var history = new AgencyHistory(store);
        var (name, code, problem) = Resolve(history, agency, regionCode);
        if (problem is not null)
        {
            return problem;
        }

        return history.Series(name, code) is { } series ? TypedResults.Ok(series) : NotFound(history, name, code);
    }

    private static Results<Ok<AgencyComparison>, ProblemHttpResult> GetYears(string? agency, string? regionCode, ReportStore store)
    {
        var history = new AgencyHistory(store);
        var (name, code, problem) = Resolve(history, agency, regionCode);
        if (problem is not null)
        {
            return problem;
        }

        return new AgencyComparer(store).Compare(name, code) is { } comparison ? TypedResults.Ok(comparison) : NotFound(history, name, code);
    }

    /// <summary>The agency's name and region code from the query, or the 400 a bad query is.</summary>
    private static (string Name, string? Code, ProblemHttpResult? Problem) Resolve(AgencyHistory history, string? agency, string? regionCode)
    {
        if (string.IsNullOrWhiteSpace(agency))
        {
            return ("", null, TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                ["agency"] = ["Give the agency's name as a report states it, e.g. agency=郑州市工业和信息化局."],
            })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Invalid parameter",
            }));
        }

        var name = agency.Trim();
        var code = string.IsNullOrWhiteSpace(regionCode) ? null : regionCode.Trim();
        if (code is null)
        {
            // left out: the reports without a code when there are any, else the one code the agency's reports have
            var codes = history.RegionCodes(name);
            if (codes.Count > 1 && !codes.Contains(null))
            {
                return (name, null, TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]>
                {
                    ["regionCode"] = [$"'{name}' has reports under several region codes: {string.Join(", ", codes)}; give one with regionCode."],
                })
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "Invalid parameter",
                }));
            }

            code = codes.Count == 1 ? codes[0] : null;
        }

        return (name, code, null);
    }

    private static ProblemHttpResult NotFound(AgencyHistory history, string name, string? code)
    {
        var known = history.RegionCodes(name);
        return TypedResults.Problem(
            known.Count == 0
                ? $"No report of '{name}' has a year."
                : $"No report of '{name}' with region code '{code}' has a year; its reports have {string.Join(", ", known.Select(c => c ?? "no code"))}.",
            statusCode: StatusCodes.Status404NotFound, title: "Agency not found");
    }
}
