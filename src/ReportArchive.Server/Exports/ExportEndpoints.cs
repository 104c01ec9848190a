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
                format: csv (default; UTF-8 with a BOM, one column per figure key), xlsx (one worksheet, the CSV's header
                row and rows, numbers as numbers) or jsonl (one JSON object per line, always with the keys). labels: zh
                (default; Chinese headers — 机关, 年份, the template's row × column labels — and level as 省级, 市级…, agency
                types joined by 、) or keys (the figure keys as headers, level as province, city…, agency types joined by
                ';'). q and the filters are those of /api/search; rows come in result order. The file name (Content-Disposition,
                UTF-8 filename*) names the query and filters: 行政诉讼-2021.csv. CSV and JSON Lines are streamed.
                """)
            .AddOpenApiOperationTransformer((operation, _, _) => OpenApi.ApiDocumentTransformers.BinaryOk(
                operation, "One row per matching report (CSV or XLSX with a header row, or JSON Lines).", "text/csv", "application/x-ndjson", ExportFormats.XlsxMediaType));
        return routes;
    }

    private static Results<PushStreamHttpResult, ValidationProblem> Export(
        [AsParameters] SearchParameters search,
        [FromQuery(Name = "format")] string? format,
        [FromQuery(Name = "labels")] string? labels,
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

        var parsedLabels = ExportLabelNames.Parse(labels ?? ExportLabelNames.Chinese);
        if (parsedLabels is null)
        {
            errors["labels"] = [$"'{labels}' is not one of {string.Join(", ", ExportLabelNames.Names)}"];
        }

        if (request is null || parsed is not { } exportFormat || parsedLabels is not { } exportLabels)
        {
            return ChineseProblems.Validation(errors, "Invalid export parameters");
        }

        var reports = searcher.FindAll(request.Query, request.Filters, cancellationToken);
        var exporter = new ReportExporter(store);
        return TypedResults.Stream(
            body => exporter.ExportAsync(reports, exportFormat, exportLabels, body, cancellationToken),
            ExportFormats.ContentType(exportFormat),
            ExportFileName.For(request, exportFormat));
    }
}
