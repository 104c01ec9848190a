using System.Collections.Frozen;

namespace ReportArchive.Regions;

/// <summary>
/// The pinyin of prefecture and county names, as their portals spell them in their host names: 会昌县 is huichang and
/// huichangxian, 单县 danxian (polyphones as pinyin-pro reads them). Converted by scripts/divisions/convert.mjs.
/// </summary>
internal sealed class DivisionPinyin
{
    internal const string ResourceName = "ReportArchive.Regions.Data.division-pinyin.tsv";

    /// <summary>Shorter spellings (xian, an) are words of host names far more often than they are places.</summary>
    private const int ShortestLabel = 4;

    private readonly FrozenDictionary<string, AdministrativeDivision[]> byLabel;

    private DivisionPinyin(FrozenDictionary<string, AdministrativeDivision[]> byLabel) => this.byLabel = byLabel;

    public static DivisionPinyin LoadEmbedded(AdministrativeDivisions divisions)
    {
        ArgumentNullException.ThrowIfNull(divisions);
        using var stream = typeof(DivisionPinyin).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        var byLabel = new Dictionary<string, List<AdministrativeDivision>>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split('\t');
            if (line.StartsWith('#') || fields.Length < 3 || divisions.FindByCode(fields[0]) is not { } division)
            {
                continue;
            }

            foreach (var spelling in fields.Skip(1).Where(f => f.Length >= ShortestLabel).Distinct(StringComparer.Ordinal))
            {
                if (!byLabel.TryGetValue(spelling, out var named))
                {
                    byLabel[spelling] = named = [];
                }

                named.Add(division);
            }
        }

        return new DivisionPinyin(byLabel.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal));
    }

    /// <summary>The divisions spelled <paramref name="label"/> (case-insensitive); empty when none is.</summary>
    public IReadOnlyList<AdministrativeDivision> Named(string label) =>
        byLabel.TryGetValue(label.ToLowerInvariant(), out var named) ? named : [];
}
