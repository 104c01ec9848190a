using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using ReportArchive.Ingestion;
using Microsoft.OpenApi;
using ReportArchive.Server.OpenApi;
using ReportArchive.Server.Security;
using ReportArchive.Storage;

namespace ReportArchive.Server.Uploads;

/// <summary>
/// Writes with an API key — <c>POST /api/reports</c> (idempotent by SHA-256) and <c>DELETE /api/reports/{id}</c> —
/// and the open <c>GET /api/reports/{id}/source</c>, the original file.
/// </summary>
public static class UploadEndpoints
{
    private static readonly ReportFileReader FileReader = new();

    public static IEndpointRouteBuilder MapUploadEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var keys = ApiKeys.From(routes.ServiceProvider.GetRequiredService<IConfiguration>());
        var writes = routes.MapGroup("/api/reports").WithTags("Uploads").AddEndpointFilter(new ApiKeyFilter(keys))
            .RequireRateLimiting(ServerSecurity.WritesPolicy).WithMetadata(RequiresApiKey.Instance);
        writes.MapPost("", UploadAsync)
            .WithName("UploadReport")
            .WithSummary("Adds a report file (raw body with ?name=FILE, or multipart with a 'file' field); needs Authorization: Bearer <key>.")
            .WithDescription("""
                The body is the file, whatever its Content-Type (curl --data-binary sends application/x-www-form-urlencoded),
                except multipart/form-data, whose 'file' field is the file (and 'sourceUrl' field its address). The format is
                the extension of ?name= (or of the part's file name); without a name, the Content-Type's: text/plain,
                text/markdown, text/html, application/pdf or the DOCX type. 201 for a new file, 200 with the stored report
                for bytes already stored (idempotent by SHA-256).
                """)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = UploadRequestBody();
                return Task.CompletedTask;
            });
        writes.MapDelete("/{id:long}", Delete)
            .WithName("DeleteReport")
            .WithSummary("Removes a report and everything stored with it; needs Authorization: Bearer <key>.");
        routes.MapGet("/api/reports/{id:long}/source", GetSource)
            .WithName("GetReportSource")
            .WithTags("Uploads")
            .WithSummary("The original file of an uploaded report, as an attachment (text/plain or application/octet-stream, sandboxed).")
            .AddOpenApiOperationTransformer((operation, _, _) => ApiDocumentTransformers.BinaryOk(
                operation, "The original bytes, as an attachment named for the upload.", "text/plain", SourceDownload.Binary));
        return routes;
    }

    /// <summary>The name a file sent without one is stored under: <c>upload</c> with the extension its media type names.</summary>
    public const string UnnamedStem = "upload";

    private static async Task<Results<Created<UploadedReport>, Ok<UploadedReport>, ProblemHttpResult>> UploadAsync(
        HttpRequest request, string? name, string? sourceUrl, ReportStore store, ReportImporter importer, CancellationToken cancellationToken)
    {
        var file = await ReadFileAsync(request, name, cancellationToken);
        if (file.Error is not null)
        {
            return BadRequest(file.ErrorField!, file.Error);
        }

        Uri? source = null;
        var url = string.IsNullOrEmpty(sourceUrl) ? file.SourceUrl : sourceUrl;
        if (!string.IsNullOrEmpty(url)
            && (!Uri.TryCreate(url, UriKind.Absolute, out source) || (source.Scheme != Uri.UriSchemeHttp && source.Scheme != Uri.UriSchemeHttps)))
        {
            return BadRequest("sourceUrl", "sourceUrl must be an absolute http or https URL.");
        }

        var bytes = file.Bytes!;
        if (UploadFileName.Leaf(file.FileName!) is not { } fileName)
        {
            return BadRequest("name", "The file name has nothing usable left once folders and control characters are removed: give a name such as report.txt.");
        }

        // the type is checked before the bytes are looked up: stored bytes sent again as a.exe are not a.exe
        if (!ReportFileReader.SupportedExtensions.Contains(Path.GetExtension(fileName)))
        {
            return TypedResults.Problem(
                ReportFileReader.UnsupportedTypeMessage(fileName), statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported file type");
        }

        if (store.FindIdBySha256(Convert.ToHexStringLower(SHA256.HashData(bytes))) is { } existing)
        {
            // the report as it is stored: its name and address, not the ones of this second upload
            var stored = store.GetSource(existing);
            return TypedResults.Ok(new UploadedReport(existing, false, store.FindFileName(existing) ?? fileName, stored is null ? source : stored.SourceUrl));
        }

        IndexedReport report;
        try
        {
            report = importer.Prepare(FileReader.Decode(fileName, bytes), source?.AbsoluteUri); // its host is region evidence
        }
        catch (InvalidReportFileException exception)
        {
            return NotImportable(exception.Message);
        }

        var outcome = store.AddWithSource(report, new ReportSourceFile(ReportMediaTypes.For(fileName, file.ContentType), source, bytes), DateTimeOffset.UtcNow, ReportParser.Version);
        if (outcome.Error is not null)
        {
            return TypedResults.Problem(outcome.Error, statusCode: StatusCodes.Status500InternalServerError, title: "The report could not be stored");
        }

        var uploaded = new UploadedReport(outcome.Id, !outcome.Duplicate, fileName, source);
        return outcome.Duplicate ? TypedResults.Ok(uploaded) : TypedResults.Created($"/api/reports/{outcome.Id}", uploaded);
    }

    private static Results<NoContent, ProblemHttpResult> Delete(long id, ReportStore store) =>
        store.Delete(id) ? TypedResults.NoContent() : NotFound(id);

    private static Results<FileContentHttpResult, ProblemHttpResult> GetSource(long id, ReportStore store, HttpResponse response)
    {
        if (store.GetSource(id) is { } source)
        {
            var fileName = store.FindFileName(id) ?? $"report-{id}";
            SourceDownload.ApplyHeaders(response, fileName);
            return TypedResults.File(source.Bytes.ToArray(), SourceDownload.ContentType(fileName, source.ContentType, source.Bytes.Span));
        }

        return store.FindFileName(id) is null
            ? NotFound(id)
            : TypedResults.Problem(
                $"Report {id} was imported from a folder; the archive keeps its text (GET /api/reports/{id}) but not the original file.",
                statusCode: StatusCodes.Status404NotFound, title: "Original file not kept");
    }

    /// <summary>
    /// The uploaded file: the 'file' part of a multipart/form-data body, or else the raw body whatever its content
    /// type (curl --data-binary sends application/x-www-form-urlencoded). A body that is not what it says (a
    /// multipart body without or with a bad boundary, too many fields, a huge part header, cut short) is a 400 with
    /// the reason; Kestrel's own refusals (413 over the size limit, 408 too slow, 400 bad framing) are thrown on as
    /// <see cref="BadHttpRequestException"/>, which <see cref="Security.TransportProblems"/> answers with their status.
    /// </summary>
    private static async Task<UploadedFile> ReadFileAsync(HttpRequest request, string? name, CancellationToken cancellationToken)
    {
        try
        {
            return IsMultipart(request.ContentType)
                ? await ReadMultipartAsync(request, name, cancellationToken)
                : await ReadRawAsync(request, name, cancellationToken);
        }
        catch (BadHttpRequestException)
        {
            throw;
        }
        catch (InvalidDataException exception)
        {
            return UploadedFile.Invalid("file", $"The multipart body cannot be read: {exception.Message}");
        }
        catch (IOException exception) when (!request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            return UploadedFile.Invalid("file", $"The request body cannot be read: {exception.Message}");
        }
    }

    private static bool IsMultipart(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    private static async Task<UploadedFile> ReadMultipartAsync(HttpRequest request, string? name, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        if (form.Files.GetFile("file") is not { } part)
        {
            return UploadedFile.Invalid("file", "A multipart upload needs a 'file' field holding the report.");
        }

        using var buffer = new MemoryStream();
        await part.CopyToAsync(buffer, cancellationToken);
        var partName = NameOrFormat(string.IsNullOrWhiteSpace(name) ? part.FileName : name, part.ContentType);
        return partName is null
            ? UploadedFile.Invalid("name", NoNameMessage)
            : new UploadedFile(partName, part.ContentType, buffer.ToArray(), form["sourceUrl"].FirstOrDefault(), null, null);
    }

    private static async Task<UploadedFile> ReadRawAsync(HttpRequest request, string? name, CancellationToken cancellationToken)
    {
        if (NameOrFormat(name, request.ContentType) is not { } fileName)
        {
            return UploadedFile.Invalid("name", NoNameMessage);
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        return new UploadedFile(fileName, request.ContentType, body.ToArray(), null, null, null);
    }

    /// <summary>The request body of an upload in the OpenAPI document: the raw file in any of the format types, or a multipart form.</summary>
    private static OpenApiRequestBody UploadRequestBody()
    {
        var binary = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
        var content = ReportMediaTypes.Formats.Keys.Concat(["application/octet-stream", "application/x-www-form-urlencoded"])
            .ToDictionary(t => t, _ => binary);
        content["multipart/form-data"] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string> { "file" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The report file; its file name gives the format." },
                    ["sourceUrl"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri", Description = "Where the file came from (http or https)." },
                },
            },
        };
        return new OpenApiRequestBody { Required = true, Description = "The report file (see the operation's description).", Content = content };
    }

    private static readonly string NoNameMessage =
        "The file has no name and its Content-Type names no format: give ?name=FILE.txt (its extension says its format), "
        + $"or send it as one of {string.Join(", ", ReportMediaTypes.Formats.Keys)}.";

    /// <summary>
    /// The file's name: the one given, with the extension its media type names added when it has none; without a
    /// name, <see cref="UnnamedStem"/> and that extension; null when neither says what the file is.
    /// </summary>
    private static string? NameOrFormat(string? name, string? contentType)
    {
        var extension = ReportMediaTypes.ExtensionOf(contentType);
        if (string.IsNullOrWhiteSpace(name))
        {
            return extension is null ? null : UnnamedStem + extension;
        }

        return extension is not null && Path.GetExtension(name.Trim()).Length == 0 ? name.Trim() + extension : name;
    }

    private static ProblemHttpResult BadRequest(string field, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Invalid upload",
            Detail = message,
        });

    private static ProblemHttpResult NotImportable(string reason) =>
        TypedResults.Problem(reason, statusCode: StatusCodes.Status400BadRequest, title: "The file cannot be imported");

    private static ProblemHttpResult NotFound(long id) =>
        TypedResults.Problem($"There is no report with id {id}.", statusCode: StatusCodes.Status404NotFound, title: "Report not found");

    private sealed record UploadedFile(
        string? FileName, string? ContentType, byte[]? Bytes, string? SourceUrl, string? ErrorField, string? Error)
    {
        public static UploadedFile Invalid(string field, string error) => new(null, null, null, null, field, error);
    }
}
