using Microsoft.AspNetCore.Http.HttpResults;
using ReportArchive.Search;
using ReportArchive.Search.Facets;
using ReportArchive.Server.Search;

namespace ReportArchive.Server.Regions;

public static class RegionEndpoints
{
    public static IEndpointRouteBuilder MapRegionEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/regions", GetRegions)
            .WithName("GetRegions")
            .WithTags("Regions")
            .WithSummary("The province → city → county tree of the regions present, with report counts.")
            .WithDescription("Takes the same q and filters as /api/search (all reports without them).");
        return routes;
    }

    private static Results<Ok<IReadOnlyList<RegionFacetNode>>, ValidationProblem> GetRegions(
        [AsParameters] SearchParameters parameters, Searcher searcher, CancellationToken cancellationToken)
    {
        var (request, errors) = parameters.ToRequest();
        return request is null
            ? TypedResults.ValidationProblem(errors, title: "Invalid search parameters")
            : TypedResults.Ok(RegionTree.Build(searcher.FindAll(request.Query, request.Filters, cancellationToken)));
    }
}
