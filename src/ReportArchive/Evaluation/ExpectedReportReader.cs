using System.Text.Json;

namespace ReportArchive.Evaluation;

/// <summary>Reads an <c>expected/NNN.json</c> file; a file that does not follow the schema is an error naming it.</summary>
public static class ExpectedReportReader
{
    public static ExpectedReport Read(string id, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var figures = new Dictionary<string, decimal?>(StringComparer.Ordinal);
            if (root.TryGetProperty("figures", out var figureObject) && figureObject.ValueKind == JsonValueKind.Object)
            {
                foreach (var figure in figureObject.EnumerateObject())
                {
                    figures[figure.Name] = figure.Value.ValueKind == JsonValueKind.Null ? null : figure.Value.GetDecimal();
                }
            }

            return new ExpectedReport(
                id,
                String(root, "agency"),
                root.TryGetProperty("year", out var year) && year.ValueKind == JsonValueKind.Number ? year.GetInt32() : null,
                String(root, "province"),
                String(root, "city"),
                String(root, "county"),
                String(root, "level"),
                String(root, "agency_type"),
                figures);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"expected/{id}.json does not follow the expected-values schema: {exception.Message}", exception);
        }
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
