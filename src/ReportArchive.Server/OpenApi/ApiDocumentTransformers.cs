using Microsoft.OpenApi;

namespace ReportArchive.Server.OpenApi;

/// <summary>
/// Makes the generated OpenAPI document one a client can be generated from: every parameter described and typed
/// (<see cref="ApiParameters"/>), the problem+json answers every operation can give (400 for bad parameters, 404 for
/// an unknown id, 503 when the server is busy or a search times out; for writes 401, 403, 413, 415, 429 and the
/// storage failures), and the bearer scheme on the operations that need an API key (<see cref="RequiresApiKey"/>).
/// </summary>
public static class ApiDocumentTransformers
{
    public const string BearerScheme = "bearer";

    public static IServiceCollection AddArchiveOpenApi(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "ReportArchive";
            document.Info.Description = "Search, statistics and an archive of Chinese government information-disclosure annual reports. Errors are application/problem+json.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key of the server's configuration (ApiKeys or REPORTARCHIVE_API_KEYS): Authorization: Bearer <key>. Needed by writes only.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            Describe(operation);
            var description = context.Description;
            var path = "/" + (description.RelativePath ?? "").TrimStart('/');
            var method = description.HttpMethod ?? "GET";
            var writes = description.ActionDescriptor.EndpointMetadata.OfType<RequiresApiKey>().Any();
            operation.Responses ??= new OpenApiResponses();
            if (operation.Parameters?.Any(p => p.In == ParameterLocation.Query) == true)
            {
                Problem(operation, 400, "A parameter is not valid; errors names it and says why (for a closed set, the values allowed).");
            }

            if (path.Contains("{id", StringComparison.Ordinal))
            {
                Problem(operation, 404, "There is no report with this id.");
            }

            if (path.StartsWith("/api/", StringComparison.Ordinal) && HttpMethods.IsGet(method))
            {
                Problem(operation, 503, "The server is busy (Retry-After), or a search ran past Limits:SearchTimeout, or the archive is damaged.");
            }

            if (path == "/healthz")
            {
                Problem(operation, 503, "Not ready: the first-start import runs, or the archive was found damaged (detail says which).");
            }

            if (writes)
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
                Problem(operation, 401, "No Authorization: Bearer header, or a key that is not configured.");
                Problem(operation, 403, "The server has no API key configured: writes are disabled.");
                Problem(operation, 429, "Over Limits:WritesPerWindow writes per Limits:WritesWindow from this address (Retry-After says when to retry).");
                Problem(operation, 503, "The archive is damaged, or its disk is read-only or failing: nothing was stored.");
                Problem(operation, 507, "The disk holding the archive is full: nothing was stored.");
                if (HttpMethods.IsPost(method))
                {
                    Problem(operation, 400, "The file cannot be imported (empty, no Chinese text, a damaged document…) or the body cannot be read; detail says why.");
                    Problem(operation, 413, "The body is over Limits:MaxRequestBodyBytes.");
                    Problem(operation, 415, "The file's extension is not one the archive reads (.txt .md .html .htm .docx .pdf).");
                }
            }

            return Task.CompletedTask;
        });
    });

    /// <summary>The description and schema of every parameter <see cref="ApiParameters"/> knows, keeping whether it repeats (an array).</summary>
    private static void Describe(OpenApiOperation operation)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter.Name is null || ApiParameters.For(parameter.Name) is not { } doc)
            {
                continue;
            }

            var repeats = parameter.Schema?.Type is { } type && type.HasFlag(JsonSchemaType.Array);
            var schema = doc.Schema();
            var isArray = schema.Type is { } own && own.HasFlag(JsonSchemaType.Array);
            parameter.Description = doc.Description;
            parameter.Schema = (repeats, isArray) switch
            {
                (true, false) => new OpenApiSchema { Type = JsonSchemaType.Array, Items = schema },
                (false, true) => schema.Items,
                _ => schema,
            };
        }
    }

    /// <summary>Adds a problem+json response for <paramref name="status"/> unless the operation documents one.</summary>
    public static void Problem(OpenApiOperation operation, int status, string description)
    {
        ArgumentNullException.ThrowIfNull(operation);
        operation.Responses ??= new OpenApiResponses();
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses.TryGetValue(key, out var existing) && existing is OpenApiResponse known)
        {
            known.Description = string.IsNullOrEmpty(known.Description) || known.Description is "Bad Request" or "Not Found" ? description : known.Description;
            known.Content ??= new Dictionary<string, OpenApiMediaType>();
            if (!known.Content.ContainsKey("application/problem+json"))
            {
                known.Content["application/problem+json"] = new OpenApiMediaType { Schema = ProblemSchema() };
            }

            return;
        }

        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = ProblemSchema() } },
        };
    }

    /// <summary>RFC 9457 problem details, with the per-parameter errors of a 400.</summary>
    private static OpenApiSchema ProblemSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["messageZh"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The problem in Chinese, as the page shows it (a 400: one sentence per parameter)." },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
    };

    /// <summary>A 200 whose body is a file or stream in the given media types.</summary>
    public static Task BinaryOk(OpenApiOperation operation, string description, params string[] mediaTypes)
    {
        ArgumentNullException.ThrowIfNull(operation);
        operation.Responses ??= new OpenApiResponses();
        operation.Responses["200"] = new OpenApiResponse
        {
            Description = description,
            Content = mediaTypes.ToDictionary(t => t, _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } }),
        };
        return Task.CompletedTask;
    }
}
