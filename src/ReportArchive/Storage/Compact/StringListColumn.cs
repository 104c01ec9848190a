using System.Text.Json;

namespace ReportArchive.Storage.Compact;

/// <summary>A list of strings in one column (warnings, agency types): NULL when empty, else a JSON array.</summary>
internal static class StringListColumn
{
    public static string? Encode(IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Count == 0 ? null : JsonSerializer.Serialize(values, StorageJson.Options);
    }

    /// <summary>Reads NULL, a JSON array, or the empty array older archives wrote.</summary>
    public static List<string> Decode(string? stored) =>
        stored is null ? [] : JsonSerializer.Deserialize<List<string>>(stored, StorageJson.Options) ?? [];
}
