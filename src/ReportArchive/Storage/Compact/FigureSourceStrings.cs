namespace ReportArchive.Storage.Compact;

/// <summary>
/// The strings figure sources of format 2 refer to by number (<c>Data/figure-source-strings-1.txt</c>, append only):
/// the template's table letters, labels and figure keys.
/// </summary>
internal static class FigureSourceStrings
{
    private const string ResourceName = "ReportArchive.Storage.Compact.Data.figure-source-strings-1.txt";

    private static readonly Lazy<(string[] Strings, Dictionary<string, int> Indexes)> Table = new(Load);

    public static int Count => Table.Value.Strings.Length;

    public static int? IndexOf(string value) => Table.Value.Indexes.TryGetValue(value, out var index) ? index : null;

    public static string At(int index) => (uint)index < (uint)Table.Value.Strings.Length
        ? Table.Value.Strings[index]
        : throw new InvalidDataException($"a stored figure source refers to string {index}, past the {Table.Value.Strings.Length} known");

    private static (string[], Dictionary<string, int>) Load()
    {
        using var stream = typeof(FigureSourceStrings).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"missing resource {ResourceName}");
        using var reader = new StreamReader(stream);
        var strings = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (!line.StartsWith('#'))
            {
                strings.Add(line);
            }
        }

        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < strings.Count; i++)
        {
            indexes.TryAdd(strings[i], i);
        }

        return ([.. strings], indexes);
    }
}
