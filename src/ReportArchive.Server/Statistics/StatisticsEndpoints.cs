using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ReportArchive.Figures;
using ReportArchive.Search;
using ReportArchive.Server.Search;
using ReportArchive.Server.Security;
using ReportArchive.Statistics;
using ReportArchive.Storage;

namespace ReportArchive.Server.Statistics;

public static class StatisticsEndpoints
{
    public static IEndpointRouteBuilder MapStatisticsEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/stats", GetStatistics)
            .WithName("GetStatistics")
            .WithTags("Statistics")
            .WithSummary("Sum, mean, min and max of one figure or derived rate over the matching reports, per group.")
            .WithDescription("""
                figure: a figure key (GET /api/figures/keys) or a rate (GET /api/figures/rates); a figure with an operator
                (review.total>0) filters as in /api/search. groupBy: year, province,
                city, agencyType or level (default year). q and the filters are those of /api/search. Each group gives
                reports (matching), reportsWithFigure (those giving a value), zeroDenominator (rates: reports left out
                because the denominator is 0), sum, mean, min and max (null when no report gives a value).
                """);
        routes.MapGet("/api/figures/keys", GetFigureKeys)
            .WithName("GetFigureKeys")
            .WithTags("Statistics")
            .WithSummary("Every figure key of both templates with its template, table (A, B, C) and Chinese label, in template order.");
        routes.MapGet("/api/figures/rates", GetRates)
            .WithName("GetRates")
            .WithTags("Statistics")
            .WithSummary("The derived rates: key, Chinese label, numerator and denominator figure keys and the formula.");
        return routes;
    }

    private static Results<Ok<IReadOnlyList<GroupStatistics>>, ValidationProblem, ProblemHttpResult> GetStatistics(
        [AsParameters] SearchParameters search,
        [FromQuery(Name = "groupBy")] string? groupBy,
        Searcher searcher,
        ReportStore store,
        ServerLimits limits,
        CancellationToken cancellationToken)
    {
        // figure=KEY names the statistic; figure=KEY>N (with an operator) filters, as in /api/search.
        var (request, errors) = search.ToRequest(figureNamesAStatistic: true);
        var figure = search.StatisticFigure;
        var resolved = StatisticsFigure.Find(figure);
        if (resolved is null)
        {
            errors["figure"] = [figure is null
                ? "figure is required: a figure key (GET /api/figures/keys) or a rate (GET /api/figures/rates)"
                : $"'{figure}' is not a figure key (GET /api/figures/keys) or a rate (GET /api/figures/rates)"];
        }

        var grouping = StatisticsGroupings.Parse(groupBy ?? "year");
        if (grouping is null)
        {
            errors["groupBy"] = [$"'{groupBy}' is not one of {string.Join(", ", StatisticsGroupings.Names)}"];
        }

        if (request is null || resolved is null || grouping is not { } by)
        {
            return ChineseProblems.Validation(errors, "Invalid statistics parameters");
        }

        // the search and the pass over the matching reports run within the search timeout (503 past it)
        using var timeout = limits.StartSearchTimeout(cancellationToken);
        try
        {
            var reports = searcher.FindAll(request.Query, request.Filters, timeout.Token);
            return TypedResults.Ok(new FigureStatistics(store).Compute(reports, resolved, by, timeout.Token));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SearchTimeoutProblem.Create(limits.SearchTimeout);
        }
    }

    private static Ok<IReadOnlyList<FigureKey>> GetFigureKeys() => TypedResults.Ok(FigureKeys.All);

    private static Ok<IReadOnlyList<DerivedRate>> GetRates() => TypedResults.Ok(DerivedRates.All);
}
