using Microsoft.AspNetCore.Http.HttpResults;

namespace ReportArchive.Server.Security;

/// <summary>The 503 problem+json of a search that ran past <see cref="ServerLimits.SearchTimeout"/>.</summary>
public static class SearchTimeoutProblem
{
    public static ProblemHttpResult Create(TimeSpan timeout) => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "Search timed out",
        detail: $"the search ran longer than {timeout.TotalSeconds:0.###} s and was stopped; narrow the query (fewer terms, a quoted phrase without punctuation, filters) and try again");
}
