using Microsoft.AspNetCore.Http.HttpResults;
using ReportArchive.Search;
using ReportArchive.Server.Security;

namespace ReportArchive.Server.Search;

public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/search", SearchReports)
            .WithName("SearchReports")
            .WithTags("Search")
            .WithSummary("Full-text search with filters, facet counts and highlighted snippets.")
            .WithDescription("""
                q: terms separated by spaces must all occur; "quoted text" is one exact string; OR between terms;
                -term excludes. An empty q with filters browses, newest year first. Filters: year (2021 or
                2019..2021), province, city, county, region (a GB/T 2260 division code such as 4103 — 洛阳市 and its
                districts — or a name; an ambiguous name is a 400 listing the candidates), agencyType, level, checks
                (passed or failed), figure (review.total>0; operators > >= < <= =; several AND-ed), published (2024-01..2024-03);
                a repeated parameter ORs its values,
                different parameters AND. page from 1, pageSize 1-100 (default 20). sort: relevance (the default with q),
                -year (newest first, the default without q), year (oldest first) or id; ties are broken by id, so
                pages are slices of one order. after: the 'next' token of the previous page, for the pageSize results
                after it (a report imported or deleted meanwhile neither repeats nor shifts the others); not with page.
                """);
        return routes;
    }

    private static Results<Ok<SearchResult>, ValidationProblem, ProblemHttpResult> SearchReports(
        [AsParameters] SearchParameters parameters, Searcher searcher, ServerLimits limits, CancellationToken cancellationToken)
    {
        var (request, errors) = parameters.ToRequest();
        if (request is null)
        {
            return ChineseProblems.Validation(errors, "Invalid search parameters");
        }

        // One search may run at most Limits:SearchTimeout; the searcher checks the token between its stages and
        // while verifying candidates. A client that goes away cancels too, but gets no answer.
        using var timeout = limits.StartSearchTimeout(cancellationToken);

        try
        {
            return TypedResults.Ok(searcher.Search(request, timeout.Token));
        }
        catch (InvalidCursorException exception)
        {
            return ChineseProblems.Validation(new Dictionary<string, string[]> { ["after"] = [exception.Message] }, "Invalid search parameters");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SearchTimeoutProblem.Create(limits.SearchTimeout);
        }
    }
}
