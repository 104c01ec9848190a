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

        return new AgencyHistory(store).Series(agency.Trim(), string.IsNullOrWhiteSpace(regionCode) ? null : regionCode.Trim()) is { } series
            ? TypedResults.Ok(series)
            : TypedResults.Problem($"No report of '{agency}' with region code '{regionCode}' has a year.", statusCode: StatusCodes.Status404NotFound, title: "Agency not found");
    }
}
