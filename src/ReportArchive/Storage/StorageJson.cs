using System.Text.Encodings.Web;
using System.Text.Json;

namespace ReportArchive.Storage;

/// <summary>
/// How JSON columns (warnings, agency types, region candidates that the division table cannot spell) are written:
/// Chinese as UTF-8, not as <c>\uXXXX</c> escapes (a third of the bytes). The columns are never put into HTML.
/// </summary>
internal static class StorageJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
