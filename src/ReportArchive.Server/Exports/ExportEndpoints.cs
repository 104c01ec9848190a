using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ReportArchive.Exports;
using ReportArchive.Search;
using ReportArchive.Server.Search;
using ReportArchive.Server.Security;
using ReportArchive.Storage;

namespace ReportArchive.Server.Exports;

public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/export", Export)
            .WithName("Export")
            .WithTags("Exports")
            .WithSummary("Every matching report, one row each: metadata, checks passed and failed, every figure key and rate.")
            .WithDescription("""
                format: csv (default; UTF-8 with a BOM, one column per figure key, agency types joined by ';') or jsonl
                (one JSON object per line). q and the filters are those of /api/search; rows come in result order. The
                response is streamed.
                """)
            .AddOpenApiOperationTransformer((operation, _, _) => OpenApi.ApiDocumentTransformers.BinaryOk(
                operation, "One row per matching report (CSV with a header row, or JSON Lines).", "text/csv", "application/x-ndjson"));
        return routes;
    }

    private static Results<PushStreamHttpResult, ValidationProblem> Export(
        [AsParameters] SearchParameters search,
        [FromQuery(Name = "format")] string? format,
        Searcher searcher,
        ReportStore store,
        CancellationToken cancellationToken)
    {
        var (request, errors) = search.ToRequest();
        var parsed = ExportFormats.Parse(format ?? "csv");
        if (parsed is null)
        {
            errors["format"] = [$"'{format}' is not one of {string.Join(", ", ExportFormats.Names)}"];
        }

        if (request is null || parsed is not { } exportFormat)
        {
            return ChineseProblems.Validation(errors, "Invalid export parameters");
        }

        var reports = searcher.FindAll(request.Query, request.Filters, cancellationToken);
        var exporter = new ReportExporter(store);
        return TypedResults.Stream(
            body => exporter.ExportAsync(reports, exportFormat, body, cancellationToken),
            ExportFormats.ContentType(exportFormat),
            "reportarchive-export." + ExportFormats.Extension(exportFormat));
    }
}
