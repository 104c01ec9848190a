namespace ReportArchive.Regions;

/// <summary>
/// The division names a text mentions (official names and aliases, by longest match), for a report whose
/// agency name names no division (区工信局, 汤河镇人民政府): the most mentioned name of the wanted tier wins.
/// </summary>
internal static class TextMentions
{
    /// <summary>Only the start of a long text is read: the title, preamble and first sections name the place.</summary>
    private const int ScannedCharacters = 20_000;

    public static (DivisionName Name, IReadOnlyList<AdministrativeDivision> Divisions, int Count)? MostMentioned(
        string text,
        DivisionNameIndex names,
        DivisionLevel? wanted,
        AdministrativeDivision? within)
    {
        var counts = new Dictionary<DivisionName, (int Count, int First)>();
        var end = Math.Min(text.Length, ScannedCharacters);
        for (var i = 0; i < end;)
        {
            var name = names.LongestMatchAt(text, i);
            if (name is null)
            {
                i++;
                continue;
            }

            if (!name.NeedsParent && name.Standalone.Count > 0)
            {
                counts[name] = counts.TryGetValue(name, out var seen) ? (seen.Count + 1, seen.First) : (1, i);
            }

            i += name.Text.Length;
        }

        (DivisionName Name, IReadOnlyList<AdministrativeDivision> Divisions, int Count)? best = null;
        var bestFirst = int.MaxValue;
        foreach (var (name, (count, first)) in counts)
        {
            var divisions = name.Standalone
                .Where(d => (wanted is null || d.Level == wanted)
                    && (within is null || (d.Code.Length > within.Code.Length && AdministrativeDivisions.IsWithin(d.Code, within.Code))))
                .ToList();
            if (divisions.Count == 0)
            {
                continue;
            }

            var better = best is null
                || count > best.Value.Count
                || (count == best.Value.Count && Depth(divisions) > Depth(best.Value.Divisions))
                || (count == best.Value.Count && Depth(divisions) == Depth(best.Value.Divisions) && first < bestFirst);
            if (better)
            {
                best = (name, divisions, count);
                bestFirst = first;
            }
        }

        return best;
    }

    /// <summary>
    /// The one division a text names only by its short name, at least twice, and more often than any other
    /// (健康朔州官微, 健康朔州官方: 朔州市) — for a report whose text names no division in full and no agency.
    /// </summary>
    public static AdministrativeDivision? OnlyShortName(string text, DivisionNameIndex names)
    {
        var counts = new Dictionary<AdministrativeDivision, int>();
        var end = Math.Min(text.Length, ScannedCharacters);
        for (var i = 0; i < end;)
        {
            var name = names.LongestMatchAt(text, i);
            if (name is null)
            {
                i++;
                continue;
            }

            if (name.Standalone.Count == 0 && name.ShortOnly.Count == 1)
            {
                counts[name.ShortOnly[0]] = counts.GetValueOrDefault(name.ShortOnly[0]) + 1;
            }

            i += name.Text.Length;
        }

        var ranked = counts.OrderByDescending(c => c.Value).Take(2).ToList();
        return ranked.Count > 0 && ranked[0].Value >= 2 && (ranked.Count == 1 || ranked[1].Value < ranked[0].Value) ? ranked[0].Key : null;
    }

    private static int Depth(IReadOnlyList<AdministrativeDivision> divisions) => divisions.Max(d => (int)d.Level);
}
