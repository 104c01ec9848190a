using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ReportArchive.Search;
using ReportArchive.Search.Highlighting;
using ReportArchive.Server.Search;
using ReportArchive.Server.Security;
using ReportArchive.Storage;

namespace ReportArchive.Server.Highlights;

public static class HighlightEndpoints
{
    public const int MaxRanges = 10_000;

    public static IEndpointRouteBuilder MapHighlightEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/reports/{id:long}/highlights", GetHighlights)
            .WithName("GetReportHighlights")
            .WithTags("Reports")
            .WithSummary("Where the query's terms match in the report's text (the `text` of GET /api/reports/{id}).")
            .WithDescription("""
                ranges: [{start, end}] in UTF-16 code units of the text (JavaScript string indices), in order and merged,
                matched by the search's rule (normalised text contains the normalised term; whitespace and line breaks
                inside words do not matter). Excluded (-term) terms are not highlighted.
                """);
        return routes;
    }

    private static Results<Ok<ReportHighlights>, ProblemHttpResult, ValidationProblem> GetHighlights(
        long id, [FromQuery(Name = "q")] string? q, ReportStore store, Searcher searcher)
    {
        if (q is { Length: > SearchParameters.MaxQueryLength })
        {
            return ChineseProblems.Validation(
                new Dictionary<string, string[]> { ["q"] = [$"the query is {q.Length} characters long; at most {SearchParameters.MaxQueryLength} are allowed"] },
                "Invalid highlight parameters");
        }

        var texts = store.GetTexts([id]);
        if (!texts.TryGetValue(id, out var text))
        {
            return TypedResults.Problem($"There is no report with id {id}.", statusCode: StatusCodes.Status404NotFound, title: "Report not found");
        }

        var terms = searcher.Parser.Parse(q).Required.SelectMany(c => c.Alternatives).Select(t => t.Normalized).Distinct(StringComparer.Ordinal).ToList();
        return TypedResults.Ok(new ReportHighlights(id, q, TermOccurrences.Highlights(text, terms, MaxRanges)));
    }
}
