using Microsoft.AspNetCore.Http.HttpResults;
using ReportArchive.Search;
using ReportArchive.Search.Facets;
using ReportArchive.Server.Search;
using ReportArchive.Server.Security;

namespace ReportArchive.Server.Regions;

public static class RegionEndpoints
{
    public static IEndpointRouteBuilder MapRegionEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/regions", GetRegions)
            .WithName("GetRegions")
            .WithTags("Regions")
            .WithSummary("The province → city → county tree of the regions present, with report counts.")
            .WithDescription("""
                Takes the same q and filters as /api/search (all reports without them) and is that search's facets.regions:
                every filter applies but the region fields (province, city, county, region), so the siblings of a selected
                division stay listed with their counts; a selected division is always in the tree (count 0 when nothing
                matches there). Each node carries its GB/T 2260 code, to select it with region=CODE.
                """);
        return routes;
    }

    private static Results<Ok<IReadOnlyList<RegionFacetNode>>, ValidationProblem> GetRegions(
        [AsParameters] SearchParameters parameters, Searcher searcher, CancellationToken cancellationToken)
    {
        var (request, errors) = parameters.ToRequest();
        return request is null
            ? ChineseProblems.Validation(errors, "Invalid search parameters")
            : TypedResults.Ok(searcher.Search(request, cancellationToken).Facets.Regions);
    }
}
