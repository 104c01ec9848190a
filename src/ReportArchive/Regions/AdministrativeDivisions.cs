using System.Collections.Frozen;

namespace ReportArchive.Regions;

/// <summary>
/// The GB/T 2260 division table (provinces, prefecture-level and county-level units) with lookups by code and
/// by name, the parent chain and the children of a division. Immutable and safe to share between threads.
/// </summary>
public sealed class AdministrativeDivisions
{
    internal const string ResourceName = "ReportArchive.Regions.Data.divisions.tsv";

    /// <summary>Areas governed like a prefecture that GB/T 2260 does not list (平潭综合实验区, 西咸新区), curated by hand.</summary>
    internal const string FunctionalAreasResourceName = "ReportArchive.Regions.Data.functional-areas.tsv";

    private readonly FrozenDictionary<string, AdministrativeDivision> byCode;
    private readonly FrozenDictionary<string, AdministrativeDivision[]> byName;
    private readonly FrozenDictionary<string, AdministrativeDivision[]> childrenByCode;
    private readonly AdministrativeDivision[] provinces;

    private AdministrativeDivisions(IReadOnlyList<AdministrativeDivision> all)
    {
        All = all;
        byCode = all.ToFrozenDictionary(d => d.Code, StringComparer.Ordinal);
        byName = all.GroupBy(d => d.Name, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        childrenByCode = all.Where(d => d.ParentCode is not null)
            .GroupBy(d => d.ParentCode!, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        provinces = all.Where(d => d.ParentCode is null).ToArray();
    }

    /// <summary>Every division, ordered by code.</summary>
    public IReadOnlyList<AdministrativeDivision> All { get; }

    public IReadOnlyList<AdministrativeDivision> Provinces => provinces;

    public AdministrativeDivision? FindByCode(string code) =>
        code is not null && byCode.TryGetValue(code, out var division) ? division : null;

    /// <summary>The divisions with exactly this official name (河东区 gives two).</summary>
    public IReadOnlyList<AdministrativeDivision> FindByName(string name) =>
        name is not null && byName.TryGetValue(name, out var found) ? found : [];

    public AdministrativeDivision? ParentOf(AdministrativeDivision division)
    {
        ArgumentNullException.ThrowIfNull(division);
        return division.ParentCode is null ? null : FindByCode(division.ParentCode);
    }

    /// <summary>The chain from the province down to the division itself.</summary>
    public IReadOnlyList<AdministrativeDivision> PathOf(AdministrativeDivision division)
    {
        ArgumentNullException.ThrowIfNull(division);
        var path = new List<AdministrativeDivision>(3);
        for (var current = division; current is not null; current = ParentOf(current))
        {
            path.Add(current);
        }

        path.Reverse();
        return path;
    }

    /// <summary>The divisions directly under <paramref name="code"/>; the provinces when it is null.</summary>
    public IReadOnlyList<AdministrativeDivision> ChildrenOf(string? code) =>
        code is null ? provinces : childrenByCode.TryGetValue(code, out var children) ? children : [];

    /// <summary>True when <paramref name="code"/> is <paramref name="ancestorOrSelf"/> or lies under it (code prefix).</summary>
    public static bool IsWithin(string code, string ancestorOrSelf) =>
        code is not null && ancestorOrSelf is not null && code.StartsWith(ancestorOrSelf, StringComparison.Ordinal);

    /// <summary>The division spelled out as province, city and county names.</summary>
    public RegionCandidate ToCandidate(AdministrativeDivision division)
    {
        string? province = null, city = null, county = null;
        foreach (var step in PathOf(division))
        {
            switch (step.Level)
            {
                case DivisionLevel.Province: province = step.Name; break;
                case DivisionLevel.Prefecture: city = step.Name; break;
                default: county = step.Name; break;
            }
        }

        return new RegionCandidate(division.Code, province ?? division.Name, city, county);
    }

    /// <summary>
    /// Reads the table embedded in this assembly (converted by scripts/divisions/convert.mjs) together with the
    /// functional areas governed like a prefecture (their codes hold a letter: 35A1 平潭综合实验区).
    /// </summary>
    public static AdministrativeDivisions LoadEmbedded()
    {
        using var reader = new StringReader(ReadResource(ResourceName) + "\n" + ReadResource(FunctionalAreasResourceName));
        return Parse(reader);
    }

    /// <summary>True for a division of GB/T 2260 itself, false for a functional area (平潭综合实验区).</summary>
    public static bool IsStandard(AdministrativeDivision division)
    {
        ArgumentNullException.ThrowIfNull(division);
        return division.Code.All(char.IsAsciiDigit);
    }

    private static string ReadResource(string name)
    {
        using var stream = typeof(AdministrativeDivisions).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Parses <c>code&lt;TAB&gt;name&lt;TAB&gt;parentCode</c> lines; lines starting with # are comments.</summary>
    public static AdministrativeDivisions Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var all = new List<AdministrativeDivision>(3400);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length != 3 || LevelOf(cells[0]) is not { } level)
            {
                throw new FormatException($"divisions line {lineNumber}: expected code, name and parent code: '{line}'");
            }

            all.Add(new AdministrativeDivision(cells[0], cells[1], cells[2].Length == 0 ? null : cells[2], level));
        }

        all.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        return new AdministrativeDivisions(all);
    }

    private static DivisionLevel? LevelOf(string code) => code.Length switch
    {
        2 => DivisionLevel.Province,
        4 => DivisionLevel.Prefecture,
        6 => DivisionLevel.County,
        _ => null,
    };
}
