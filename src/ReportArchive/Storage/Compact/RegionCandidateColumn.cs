using System.Text.Json;
using ReportArchive.Regions;

namespace ReportArchive.Storage.Compact;

/// <summary>
/// A report's region candidates in one column: NULL when there are none; the codes, comma-separated, when the
/// division table spells every candidate exactly as stored (the resolver takes them from that table, so nearly
/// always); else the full JSON array. Names come back from the table on read.
/// </summary>
internal static class RegionCandidateColumn
{
    private const char Separator = ',';

    public static string? Encode(IReadOnlyList<RegionCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0)
        {
            return null;
        }

        var divisions = RegionResolver.Default.Divisions;
        foreach (var candidate in candidates)
        {
            if (divisions.FindByCode(candidate.Code) is not { } division || divisions.ToCandidate(division) != candidate
                || candidate.Code.Contains(Separator, StringComparison.Ordinal))
            {
                return JsonSerializer.Serialize(candidates, StorageJson.Options);
            }
        }

        return string.Join(Separator, candidates.Select(c => c.Code));
    }

    /// <summary>Reads NULL, codes, or a JSON array (written by this class or by older archives).</summary>
    public static List<RegionCandidate> Decode(string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return [];
        }

        if (stored[0] == '[')
        {
            return JsonSerializer.Deserialize<List<RegionCandidate>>(stored, StorageJson.Options) ?? [];
        }

        var divisions = RegionResolver.Default.Divisions;
        return stored.Split(Separator).Select(code => divisions.ToCandidate(
            divisions.FindByCode(code) ?? throw new InvalidDataException($"a stored region candidate has an unknown code {code}"))).ToList();
    }
}
