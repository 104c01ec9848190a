using Microsoft.AspNetCore.Http.HttpResults;
using ReportArchive.Server.Hosting;
using ReportArchive.Storage;

namespace ReportArchive.Server.Health;

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", GetHealth)
            .WithName("Health")
            .WithTags("Health")
            .WithSummary("200 once the server can serve; 503 while the first-start import runs, and when the archive was found damaged.");
        return routes;
    }

    private static Results<Ok<HealthStatus>, ProblemHttpResult> GetHealth(ArchiveReadiness readiness, ArchiveDatabase database) =>
        database.Damage is { } damage
            ? TypedResults.Problem(
                $"The archive is damaged ({damage}); run `reportarchive verify` and restore a backup.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Archive damaged")
            : readiness.IsReady
                ? TypedResults.Ok(new HealthStatus("ok"))
                : TypedResults.Problem(readiness.NotReadyReason, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready");
}
