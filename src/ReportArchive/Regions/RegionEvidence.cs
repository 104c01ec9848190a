namespace ReportArchive.Regions;

/// <summary>
/// The evidence one report's text gives about where it comes from, gathered lazily: phone area codes
/// (strong: 0539 is 临沂市), names of a candidate's parents (临沂市, 山东省; short names count less), the
/// candidate's own name (it tells apart the readings of a garbled name: the title's 沐阳县 against the body's
/// 沭阳县), the county and city portals among its web addresses and the upload's source URL (www.huichang.gov.cn:
/// 会昌县), and the provincial portal domains (weak).
/// </summary>
internal sealed class RegionEvidence(
    string text, AdministrativeDivisions divisions, DivisionNameIndex names, PhoneAreaCodes areaCodes,
    IReadOnlyList<string[]> hosts, DivisionPinyin pinyin)
{
    private const int PhoneWeight = 4;
    private const int ParentWeight = 3;
    private const int AncestorWeight = 2;
    private const int ShortNameWeight = 1;
    private const int DomainWeight = 1;
    private const int OwnNameWeight = 3;
    private const int PortalWeight = 3;

    private List<string>? phoneAreaCodes;
    private List<string>? domainProvinces;
    private List<(AdministrativeDivision Division, string Host)>? portals;

    public IReadOnlyList<string> PhoneAreaCodes => phoneAreaCodes ??= PhoneNumberScanner.FindAreaCodes(text, areaCodes);

    private List<string> DomainProvinces => domainProvinces ??= WebsiteDomainHints.ProvinceCodes(hosts);

    /// <summary>The prefectures and counties whose portal (by the pinyin of its host) the text or the source URL names.</summary>
    public IReadOnlyList<(AdministrativeDivision Division, string Host)> Portals => portals ??= WebsiteDomainHints.Divisions(hosts, pinyin);

    /// <summary>Scores every candidate; picks one only when it alone has the highest positive score.</summary>
    public EvidenceDecision Decide(IReadOnlyList<AdministrativeDivision> candidates)
    {
        var scored = new List<(AdministrativeDivision Candidate, int Score, List<string> Reasons)>(candidates.Count);
        foreach (var candidate in candidates)
        {
            var reasons = new List<string>();
            scored.Add((candidate, Score(candidate, reasons), reasons));
        }

        var bestScore = scored.Count == 0 ? 0 : scored.Max(s => s.Score);
        if (bestScore <= 0)
        {
            return new EvidenceDecision(null, []);
        }

        var leaders = scored.Where(s => s.Score == bestScore).ToList();
        return leaders.Count == 1
            ? new EvidenceDecision(leaders[0].Candidate, leaders[0].Reasons)
            : new EvidenceDecision(null, []) { Leaders = leaders.ConvertAll(s => s.Candidate) };
    }

    /// <summary>The evidence for one division (positive score and reasons), for a name that needs support.</summary>
    public int Support(AdministrativeDivision division, List<string> reasons) => Score(division, reasons);

    /// <summary>The area codes in the text that point elsewhere, when none points to <paramref name="division"/>.</summary>
    public IReadOnlyList<string> ContradictingAreaCodes(AdministrativeDivision division)
    {
        var codes = PhoneAreaCodes;
        if (codes.Count == 0 || codes.Any(code => AreaCodeCovers(code, division)))
        {
            return [];
        }

        return codes;
    }

    private int Score(AdministrativeDivision candidate, List<string> reasons)
    {
        var score = 0;
        var path = divisions.PathOf(candidate);
        for (var i = path.Count - 2; i >= 0; i--)
        {
            var ancestor = path[i];
            var forms = names.FormsOf(ancestor);
            if (text.Contains(ancestor.Name, StringComparison.Ordinal))
            {
                score += i == path.Count - 2 ? ParentWeight : AncestorWeight;
                reasons.Add($"the text names {ancestor.Name}");
            }
            else if (forms.FirstOrDefault(form => form != ancestor.Name && text.Contains(form, StringComparison.Ordinal)) is { } form)
            {
                score += ShortNameWeight;
                reasons.Add($"the text names {form} ({ancestor.Name})");
            }
        }

        if (text.Contains(candidate.Name, StringComparison.Ordinal))
        {
            score += OwnNameWeight;
            reasons.Add($"the text names {candidate.Name}");
        }

        foreach (var code in PhoneAreaCodes)
        {
            if (AreaCodeCovers(code, candidate))
            {
                score += PhoneWeight;
                reasons.Add($"phone area code 0{code} is in {string.Join('/', path.Select(d => d.Name))}");
                break;
            }
        }

        foreach (var step in path)
        {
            if (Portals.FirstOrDefault(p => p.Division == step) is { Host: { } host })
            {
                score += PortalWeight;
                reasons.Add($"{host} is the portal of {step.Name}");
                break;
            }
        }

        if (DomainProvinces.Contains(candidate.Code[..2]))
        {
            score += DomainWeight;
            reasons.Add($"a website of the {path[0].Name} portal domain");
        }

        return score;
    }

    private bool AreaCodeCovers(string areaCode, AdministrativeDivision division)
    {
        // A functional area (平潭综合实验区) has no area code of its own: it dials those of its province's cities.
        var covered = AdministrativeDivisions.IsStandard(division) ? division.Code : division.Code[..2];
        foreach (var prefix in areaCodes.DivisionsFor(areaCode))
        {
            // 0539 covers 河东区 (371312); 0371 is within 河南省 (41) for a provincial body.
            if (AdministrativeDivisions.IsWithin(covered, prefix) || AdministrativeDivisions.IsWithin(prefix, covered))
            {
                return true;
            }
        }

        return false;
    }
}
