using Microsoft.AspNetCore.Http.HttpResults;
using ReportArchive.Agencies.History;
using ReportArchive.Documents;
using ReportArchive.Keywords;
using ReportArchive.Storage;

namespace ReportArchive.Server.Reports;

public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/reports/{id:long}", GetReport)
            .WithName("GetReport")
            .WithTags("Reports")
            .WithSummary("One report: metadata, figures (key → number or null), checks, warnings and the full text.");
        return routes;
    }

    private static Results<Ok<ReportView>, ProblemHttpResult> GetReport(long id, ReportStore store) =>
        store.Get(id) is { } report && new AgencyHistory(store).For(id) is var (years, crossYearChecks)
            ? TypedResults.Ok(ReportView.From(report, KeywordExtractor.Default.For(report, store), years, crossYearChecks))
            : TypedResults.Problem($"There is no report with id {id}.", statusCode: StatusCodes.Status404NotFound, title: "Report not found");
}
