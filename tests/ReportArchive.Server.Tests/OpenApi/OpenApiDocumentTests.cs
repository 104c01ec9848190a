using System.Net;
using System.Text.Json.Nodes;
using ReportArchive.Server.Tests.Uploads;

namespace ReportArchive.Server.Tests.OpenApi;

/// <summary>
/// The generated OpenAPI document is one a client can be generated from, for EVERY operation (a new endpoint or
/// parameter that lacks any of this fails here): an operation id and summary; a description and a type for every
/// parameter, integers with their range, closed sets as enums — and the server accepts every enum value and every
/// integer in range, and answers a value outside with a 400 problem+json that lists the values allowed; a 2xx with its
/// body; every error a problem+json (400 where there are query parameters, 404 where there is an id — and an unknown
/// id really answers a 404 problem+json); writes under the bearer scheme with 401, 403 and 429, uploads with their
/// request bodies and 201, 200, 400, 401, 403, 413, 415, 429.
/// </summary>
public sealed class OpenApiDocumentTests
{
    private static readonly string[] WriteMethods = ["post", "put", "patch", "delete"];

    /// <summary>Parameters an operation needs for a call to reach its other parameters' validation.</summary>
    private static readonly Dictionary<string, string> NeededToCall = new(StringComparer.Ordinal)
    {
        ["/api/stats"] = "figure=requests.new.total",
        ["/api/agencies/reports"] = "agency=%E9%83%91%E5%B7%9E%E5%B8%82%E5%B7%A5%E4%B8%9A%E5%92%8C%E4%BF%A1%E6%81%AF%E5%8C%96%E5%B1%80",
        ["/api/agencies/years"] = "agency=%E9%83%91%E5%B7%9E%E5%B8%82%E5%B7%A5%E4%B8%9A%E5%92%8C%E4%BF%A1%E6%81%AF%E5%8C%96%E5%B1%80",
    };

    [Fact]
    public async Task EveryOperation_HasWhatAClientGeneratorNeeds()
    {
        await using var app = await KeyedArchiveApp.WithKeyAsync();
        using var client = app.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;
        var failures = new List<string>();

        var bearer = document["components"]?["securitySchemes"]?["bearer"];
        if ((string?)bearer?["type"] != "http" || (string?)bearer?["scheme"] != "bearer")
        {
            failures.Add("components.securitySchemes has no http bearer scheme");
        }

        var operations = Operations(document).ToList();
        Assert.True(operations.Count >= 13, $"only {operations.Count} operations");
        foreach (var (path, method, operation) in operations)
        {
            var at = $"{method.ToUpperInvariant()} {path}";
            void Fail(string what) => failures.Add($"{at}: {what}");
            if (string.IsNullOrWhiteSpace((string?)operation["operationId"]))
            {
                Fail("no operationId");
            }

            if (string.IsNullOrWhiteSpace((string?)operation["summary"]))
            {
                Fail("no summary");
            }

            var parameters = operation["parameters"]?.AsArray().Select(p => p!).ToList() ?? [];
            foreach (var parameter in parameters)
            {
                var name = (string)parameter["name"]!;
                var schema = parameter["schema"];
                var item = (string?)schema?["type"] == "array" ? schema?["items"] : schema;
                if (string.IsNullOrWhiteSpace((string?)parameter["description"]))
                {
                    Fail($"parameter {name} has no description");
                }

                if ((string?)item?["type"] is null)
                {
                    Fail($"parameter {name} has no type");
                }

                if ((string?)item?["type"] == "integer" && (item?["minimum"] is null || item?["maximum"] is null))
                {
                    Fail($"integer parameter {name} has no range");
                }
            }

            var responses = operation["responses"]?.AsObject() ?? [];
            if (!responses.Any(r => r.Key.StartsWith('2') && (r.Key == "204" || r.Value?["content"] is not null)))
            {
                Fail("no 2xx response with a body");
            }

            foreach (var (status, response) in responses)
            {
                if (string.IsNullOrWhiteSpace((string?)response?["description"]))
                {
                    Fail($"response {status} has no description");
                }

                if (status[0] is '4' or '5' && response?["content"]?["application/problem+json"]?["schema"] is null)
                {
                    Fail($"response {status} is not application/problem+json");
                }
            }

            if (parameters.Any(p => (string?)p["in"] == "query") && !responses.ContainsKey("400"))
            {
                Fail("has query parameters but no 400");
            }

            if (path.Contains("{id}", StringComparison.Ordinal) && !responses.ContainsKey("404"))
            {
                Fail("has an id but no 404");
            }

            var secured = operation["security"]?.AsArray().Any(s => s?["bearer"] is not null) == true;
            if (WriteMethods.Contains(method) != secured)
            {
                Fail(secured ? "a read under the bearer scheme" : "a write without the bearer scheme");
            }

            if (secured)
            {
                Missing(responses, ["401", "403", "429"], Fail);
            }

            if (method == "post")
            {
                if (operation["requestBody"]?["content"]?.AsObject() is not { Count: > 0 } bodies)
                {
                    Fail("a POST without a request body");
                }
                else if (path == "/api/reports")
                {
                    Missing(responses, ["201", "200", "400", "401", "403", "413", "415", "429"], Fail);
                    foreach (var type in (string[])["multipart/form-data", "application/x-www-form-urlencoded", "text/plain", "text/html", "application/pdf"])
                    {
                        if (!bodies.ContainsKey(type))
                        {
                            Fail($"the upload's body does not list {type}");
                        }
                    }
                }
            }
        }

        var export = document["paths"]?["/api/export"]?["get"]?["responses"]?["200"]?["content"];
        if (export?["text/csv"] is null || export?["application/x-ndjson"] is null)
        {
            failures.Add("GET /api/export: the 200 does not give text/csv and application/x-ndjson");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task EveryEnumAndRange_IsWhatTheServerAccepts_AndAValueOutsideIsA400ListingTheValues()
    {
        await using var app = await KeyedArchiveApp.WithKeyAsync();
        using var client = app.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;
        var failures = new List<string>();
        var checkedValues = 0;

        foreach (var (path, method, operation) in Operations(document).Where(o => o.Method == "get" && !o.Path.Contains('{', StringComparison.Ordinal)))
        {
            var needed = NeededToCall.GetValueOrDefault(path);
            foreach (var parameter in operation["parameters"]?.AsArray().Select(p => p!).Where(p => (string?)p["in"] == "query") ?? [])
            {
                var name = (string)parameter["name"]!;
                var schema = parameter["schema"]!;
                var item = (string?)schema["type"] == "array" ? schema["items"]! : schema;
                async Task<(HttpStatusCode Status, string Body, string? Type)> Call(string value)
                {
                    var query = (needed is null ? "" : needed + "&") + $"{name}={Uri.EscapeDataString(value)}";
                    using var response = await client.GetAsync(new Uri($"{path}?{query}", UriKind.Relative));
                    checkedValues++;
                    return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
                }

                if (item["enum"]?.AsArray().Select(v => (string)v!).ToList() is { } allowed)
                {
                    foreach (var value in allowed)
                    {
                        if ((await Call(value)).Status == HttpStatusCode.BadRequest)
                        {
                            failures.Add($"{path} {name}={value}: documented but refused");
                        }
                    }

                    var (status, body, type) = await Call("not-one-of-them");
                    var message = status == HttpStatusCode.BadRequest ? string.Join(" ", JsonNode.Parse(body)!["errors"]?[name]?.AsArray().Select(m => (string?)m) ?? []) : "";
                    if (status != HttpStatusCode.BadRequest || type != "application/problem+json" || !allowed.All(v => message.Contains(v, StringComparison.Ordinal)))
                    {
                        failures.Add($"{path} {name}=not-one-of-them: {(int)status} {type} {body}");
                    }
                }

                if ((string?)item["type"] == "integer" && item["minimum"] is { } min && item["maximum"] is { } max)
                {
                    var (low, high) = ((long)min, (long)max);
                    foreach (var (value, inRange) in new[] { (low, true), (high, true), (low - 1, false), (high + 1, false) })
                    {
                        var (status, _, type) = await Call(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
                        if ((status == HttpStatusCode.BadRequest) == inRange || (!inRange && type != "application/problem+json"))
                        {
                            failures.Add($"{path} {name}={value}: {(int)status} {type}, documented range {low}–{high}");
                        }
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(checkedValues > 100, $"{checkedValues} values tried");
    }

    [Fact]
    public async Task EveryOperationWithAnId_AnswersAnUnknownIdWithA404ProblemJson()
    {
        await using var app = await KeyedArchiveApp.WithKeyAsync();
        using var client = app.CreateKeyedClient();
        var document = JsonNode.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;
        var tried = 0;
        foreach (var (path, method, operation) in Operations(document).Where(o => o.Path.Contains("{id}", StringComparison.Ordinal)))
        {
            var needed = NeededToCall.GetValueOrDefault(path);
            using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), new Uri(path.Replace("{id}", "987654321", StringComparison.Ordinal) + (needed is null ? "" : "?" + needed), UriKind.Relative));
            using var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(404, (int)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]!);
            tried++;
        }

        Assert.True(tried >= 4, $"{tried} operations with an id");
    }

    private static IEnumerable<(string Path, string Method, JsonNode Operation)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => (p.Key, o.Key, o.Value!)));

    private static void Missing(JsonObject responses, string[] statuses, Action<string> fail)
    {
        foreach (var status in statuses.Where(s => !responses.ContainsKey(s)))
        {
            fail($"no {status} response");
        }
    }
}
