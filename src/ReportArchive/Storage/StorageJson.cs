using System.Text.Json;

namespace ReportArchive.Storage;

/// <summary>How JSON columns (warnings, region candidates) are written.</summary>
internal static class StorageJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
