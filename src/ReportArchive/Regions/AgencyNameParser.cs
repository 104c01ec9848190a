namespace ReportArchive.Regions;

/// <summary>
/// Reads the chain of division names an agency name starts with (河南省洛阳市瀍河回族区…, 临沂河东区…,
/// 河东区工信局): each name must lie under the one before it; a short name (临沂) counts only when a name
/// under it follows. When no name is found, tries to repair a garbled one (灋河回族区).
/// </summary>
internal sealed class AgencyNameParser(DivisionNameIndex names)
{
    private const int LongestDivisionName = 12;

    public AgencyNameReading Read(string agency)
    {
        for (var start = 0; start < agency.Length; start++)
        {
            if (ChainAt(agency, start) is { } reading)
            {
                return reading;
            }
        }

        return RepairAt(agency, 0, within: null) ?? ShortNameIn(agency) ?? AgencyNameReading.Nothing(agency);
    }

    /// <summary>
    /// The last resort: a short name alone (中国人民银行郑州中心支行 names 郑州市). Only provinces and
    /// prefectures have short names, and an agency name seldom holds one that is no place.
    /// </summary>
    private AgencyNameReading? ShortNameIn(string agency)
    {
        for (var start = 0; start < agency.Length; start++)
        {
            if (names.LongestMatchAt(agency, start) is { ShortOnly.Count: > 0 } name)
            {
                return new AgencyNameReading(agency, name.ShortOnly, name.Text, start + name.Text.Length, Repaired: false)
                {
                    ByShortName = true,
                };
            }
        }

        return null;
    }

    private AgencyNameReading? ChainAt(string agency, int start)
    {
        IReadOnlyList<AdministrativeDivision>? trusted = null;
        IReadOnlyList<AdministrativeDivision>? pendingShort = null;
        string? written = null;
        var position = start;
        var trustedEnd = start;
        while (names.LongestMatchAt(agency, position) is { } name)
        {
            var parents = pendingShort ?? trusted;
            var standalone = name.NeedsParent && parents is null ? [] : Under(name.Standalone, parents);
            if (standalone.Count > 0)
            {
                trusted = standalone;
                written = name.Text;
                pendingShort = null;
                position += name.Text.Length;
                trustedEnd = position;
                continue;
            }

            var shortOnly = Under(name.ShortOnly, parents);
            if (shortOnly.Count == 0 || pendingShort is not null)
            {
                break;
            }

            pendingShort = shortOnly;
            position += name.Text.Length;
        }

        if (trusted is null)
        {
            return null;
        }

        // 洛阳市灋河回族区…: the chain stops at a garbled name below the last one read.
        if (trusted.All(d => d.Level != DivisionLevel.County) && RepairAt(agency, trustedEnd, trusted) is { } repaired)
        {
            return repaired;
        }

        return new AgencyNameReading(agency, trusted, written, trustedEnd, Repaired: false);
    }

    private AgencyNameReading? RepairAt(string agency, int start, IReadOnlyList<AdministrativeDivision>? within)
    {
        var last = Math.Min(agency.Length, start + LongestDivisionName);
        for (var end = start + 3; end <= last; end++)
        {
            if (!IsDivisionSuffix(agency[end - 1]))
            {
                continue;
            }

            var found = Under(names.OneCharacterAway(agency.AsSpan(start, end - start)), within);
            if (found.Count > 0)
            {
                return new AgencyNameReading(agency, found, agency[start..end], end, Repaired: true);
            }
        }

        return null;
    }

    private static bool IsDivisionSuffix(char c) => c is '区' or '县' or '市' or '旗' or '州' or '盟';

    /// <summary>The divisions that lie strictly under one of <paramref name="parents"/> (all when null).</summary>
    private static IReadOnlyList<AdministrativeDivision> Under(
        IReadOnlyList<AdministrativeDivision> divisions, IReadOnlyList<AdministrativeDivision>? parents)
    {
        if (parents is null || divisions.Count == 0)
        {
            return divisions;
        }

        List<AdministrativeDivision>? under = null;
        foreach (var division in divisions)
        {
            foreach (var parent in parents)
            {
                if (division.Code.Length > parent.Code.Length && AdministrativeDivisions.IsWithin(division.Code, parent.Code))
                {
                    (under ??= []).Add(division);
                    break;
                }
            }
        }

        return under is null ? [] : under;
    }
}
