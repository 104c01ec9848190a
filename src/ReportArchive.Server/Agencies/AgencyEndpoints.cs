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
        return routes;
    }

    private static Results<Ok<AgencySeries>, ProblemHttpResult> GetReports(string? agency, string? regionCode, ReportStore store)
    {
        if (string.IsNullOrWhiteSpace(agency))
        {
            return TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                ["agency"] = ["Give the agency's name as a report states it, e.g. agency=郑州市工业和信息化局."],
            })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Invalid parameter",
            });
        }

        var history = new AgencyHistory(store);
        var name = agency.Trim();
        var code = string.IsNullOrWhiteSpace(regionCode) ? null : regionCode.Trim();
        if (code is null)
        {
            // left out: the reports without a code when there are any, else the one code the agency's reports have
            var codes = history.RegionCodes(name);
            if (codes.Count > 1 && !codes.Contains(null))
            {
                return TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]>
                {
                    ["regionCode"] = [$"'{name}' has reports under several region codes: {string.Join(", ", codes)}; give one with regionCode."],
                })
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "Invalid parameter",
                });
            }

            code = codes.Count == 1 ? codes[0] : null;
        }

        if (history.Series(name, code) is { } series)
        {
            return TypedResults.Ok(series);
        }

        var known = history.RegionCodes(name);
        return TypedResults.Problem(
            known.Count == 0
                ? $"No report of '{name}' has a year."
                : $"No report of '{name}' with region code '{code}' has a year; its reports have {string.Join(", ", known.Select(c => c ?? "no code"))}.",
            statusCode: StatusCodes.Status404NotFound, title: "Agency not found");
    }
}
