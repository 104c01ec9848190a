using System.Collections.Frozen;

namespace ReportArchive.Regions;

/// <summary>
/// The townships (乡, 镇, 街道, 苏木 …) of the statistical division codes and the county-level division each lies in:
/// 鸭南乡 → 抚远市, 中村乡 → five counties. A township body's report often names only itself, and its name alone then
/// finds the county (or the few it may be). Converted from china-division by scripts/divisions/convert.mjs.
/// </summary>
internal sealed class TownshipGazetteer
{
    internal const string ResourceName = "ReportArchive.Regions.Data.townships.tsv";

    private readonly FrozenDictionary<string, AdministrativeDivision[]> countiesByName;
    private readonly int longestName;

    private TownshipGazetteer(FrozenDictionary<string, AdministrativeDivision[]> countiesByName)
    {
        this.countiesByName = countiesByName;
        longestName = countiesByName.Count == 0 ? 0 : countiesByName.Keys.Max(k => k.Length);
    }

    public int Count => countiesByName.Count;

    public static TownshipGazetteer LoadEmbedded(AdministrativeDivisions divisions)
    {
        ArgumentNullException.ThrowIfNull(divisions);
        using var stream = typeof(TownshipGazetteer).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader, divisions);
    }

    internal static TownshipGazetteer Parse(TextReader reader, AdministrativeDivisions divisions)
    {
        var byName = new Dictionary<string, List<AdministrativeDivision>>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0 || divisions.FindByCode(line[..tab]) is not { } county)
            {
                continue;
            }

            var name = line[(tab + 1)..];
            if (!byName.TryGetValue(name, out var counties))
            {
                byName[name] = counties = [];
            }

            if (!counties.Contains(county))
            {
                counties.Add(county);
            }
        }

        return new TownshipGazetteer(byName.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal));
    }

    /// <summary>
    /// The longest township name that <paramref name="name"/> starts with (鸭南乡人民政府 → 鸭南乡) and the divisions it lies
    /// in; null when it starts with none.
    /// </summary>
    public (string Township, IReadOnlyList<AdministrativeDivision> Counties)? Find(ReadOnlySpan<char> name)
    {
        var lookup = countiesByName.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var length = Math.Min(longestName, name.Length); length >= 2; length--)
        {
            if (lookup.TryGetValue(name[..length], out var counties))
            {
                return (name[..length].ToString(), counties);
            }
        }

        return null;
    }
}
