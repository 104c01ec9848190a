using ReportArchive.Agencies;

namespace ReportArchive.Regions;

/// <summary>
/// Resolves the region (province, city, county) and the level of the body that wrote a report, from the
/// agency name first and then the rest of the text. A name found in several places (河东区: 天津市 and
/// 临沂市) is decided by evidence in the text (parent names, phone area code, website domain) or stays
/// ambiguous with its candidates; a name garbled by extraction (灋河回族区) is repaired when exactly one
/// division is one character away and the text does not contradict it. Immutable and thread-safe.
/// </summary>
public sealed class RegionResolver
{
    private static readonly Lazy<RegionResolver> DefaultResolver =
        new(() => new RegionResolver(AdministrativeDivisions.LoadEmbedded(), PhoneAreaCodes.LoadEmbedded()));

    private readonly DivisionNameIndex names;
    private readonly AgencyNameParser parser;
    private readonly Lazy<TownshipGazetteer> townships;
    private readonly Lazy<DivisionPinyin> pinyin;

    public RegionResolver(AdministrativeDivisions divisions, PhoneAreaCodes areaCodes)
    {
        ArgumentNullException.ThrowIfNull(divisions);
        ArgumentNullException.ThrowIfNull(areaCodes);
        Divisions = divisions;
        AreaCodes = areaCodes;
        names = new DivisionNameIndex(divisions);
        parser = new AgencyNameParser(names);
        townships = new Lazy<TownshipGazetteer>(() => TownshipGazetteer.LoadEmbedded(divisions));
        pinyin = new Lazy<DivisionPinyin>(() => DivisionPinyin.LoadEmbedded(divisions));
    }

    /// <summary>The resolver over the embedded division and area-code tables, loaded once on first use.</summary>
    public static RegionResolver Default => DefaultResolver.Value;

    public AdministrativeDivisions Divisions { get; }

    public PhoneAreaCodes AreaCodes { get; }

    /// <summary>Resolves one report. Never throws: null or garbage gives an unknown region and level.</summary>
    /// <param name="agency">The agency name (or the title when there is none).</param>
    /// <param name="text">The report's text.</param>
    /// <param name="sourceUrl">Where the report was taken from (an upload's <c>sourceUrl</c>), when it is not in the text.</param>
    public RegionResolution Resolve(string agency, string text, string? sourceUrl = null)
    {
        var name = AgencyName.Normalize(agency);
        text ??= string.Empty;
        var hosts = WebsiteDomainHints.GovernmentHosts(text);
        if (!string.IsNullOrEmpty(sourceUrl) && Uri.TryCreate(sourceUrl, UriKind.Absolute, out var source))
        {
            hosts.InsertRange(0, WebsiteDomainHints.GovernmentHosts(source.Host));
        }

        var evidence = new RegionEvidence(text, Divisions, names, AreaCodes, hosts, pinyin.Value);
        var warnings = new List<string>();
        var reasons = new List<string>();

        var reading = parser.Read(name);
        var township = AgencyBodyKinds.IsTownship(name.AsSpan(reading.End));
        var candidates = reading.Repaired ? AcceptRepair(reading, evidence, warnings, reasons) : reading.Candidates;
        if (reading.ByShortName)
        {
            reasons.Add($"the agency name names {reading.Written} only by its short name");
        }

        var fromAgency = candidates.Count > 0;
        if (!fromAgency)
        {
            if (AgencyBodyKinds.IsCentral(name))
            {
                return new RegionResolution(ResolvedRegion.None, RegionLevels.Central, warnings);
            }

            var wanted = township ? DivisionLevel.County : LevelOfLeadingCharacter(name);
            var ofTownship = township ? FromTownship(name.AsSpan(reading.End), within: null, evidence, reasons) : [];
            candidates = ofTownship.Count == 1 ? ofTownship : FromText(text, wanted, within: null, reasons);
            if (candidates.Count == 0 && ofTownship.Count > 1)
            {
                candidates = ofTownship; // the text names no county: the township's candidates, decided or not
            }

            if (candidates.Count == 0 && !township)
            {
                candidates = FromPortals(evidence, wanted, reasons);
            }

            if (candidates.Count == 0 && name.Length == 0 && TextMentions.OnlyShortName(text, names) is { } byShortName)
            {
                reasons.Add($"no agency and no division named in full; the text names only {byShortName.Name} by its short name");
                candidates = [byShortName];
            }
        }
        else if (township && (candidates.Count > 1 || candidates[0].Level != DivisionLevel.County))
        {
            // 河东区XX街道: the township tells the two 河东区 apart; 东莞市XX镇 has no county above it, XX市XX镇 elsewhere has
            // one, which the township or the text may give.
            var ofTownship = FromTownship(name.AsSpan(reading.End), candidates, evidence, reasons);
            var counties = ofTownship.Count > 0 ? ofTownship
                : candidates.Count == 1 ? FromText(text, DivisionLevel.County, candidates[0], reasons)
                : [];
            if (counties.Count > 0)
            {
                candidates = counties;
            }
        }

        var region = Choose(candidates, evidence, warnings, reasons);
        // 区工信局 whose text names only 临沂市 is still a county body.
        var level = township ? RegionLevels.Township
            : fromAgency ? LevelOf(region, candidates, name)
            : AgencyBodyKinds.LevelFromLeadingCharacter(name) ?? LevelOf(region, candidates, name);
        return new RegionResolution(region.Region, level, warnings) { Evidence = reasons };
    }

    private IReadOnlyList<AdministrativeDivision> AcceptRepair(
        AgencyNameReading reading, RegionEvidence evidence, List<string> warnings, List<string> reasons)
    {
        var written = reading.Written!;
        var candidates = reading.Candidates;
        AdministrativeDivision? repaired = null;
        var support = new List<string>();
        var howChosen = "the only division one character away";
        if (candidates.Count == 1)
        {
            repaired = candidates[0];
            evidence.Support(repaired, support);
        }
        else
        {
            var decision = evidence.Decide(candidates);
            repaired = decision.Chosen;
            support.AddRange(decision.Reasons);
            if (repaired is null)
            {
                // the text supports several (沭阳县 and 泗阳县 both lie in the 宿迁市 it names): decide among those
                var pool = decision.Leaders.Count > 0 ? decision.Leaders : candidates;
                var near = pool
                    .Where(c => GarbledCharacters.Replaced(written, c.Name) is { } pair && GarbledCharacters.AreNear(pair.Written, pair.Official))
                    .ToList();
                if (near.Count == 1)
                {
                    repaired = near[0];
                    evidence.Support(repaired, support);
                    var garbled = GarbledCharacters.Replaced(written, repaired.Name)!.Value.Written;
                    howChosen = $"of the divisions one character away ({string.Join("、", pool.Select(c => c.Name))}) "
                        + $"the one whose character lies near {garbled} in radical and stroke order";
                }
                else if (decision.Leaders.Count > 1 && decision.Leaders.All(c => c.Level == decision.Leaders[0].Level)
                    && decision.Leaders.All(c => evidence.ContradictingAreaCodes(c).Count == 0))
                {
                    // no single reading, but the text places them all: keep what they share (宿迁市, a county)
                    warnings.Add($"{written} is no division name; it may be any of {string.Join("; ", decision.Leaders.Select(PathText))}, "
                        + "which the text supports equally");
                    return decision.Leaders;
                }
            }
            else
            {
                howChosen = $"of the divisions one character away ({string.Join("、", candidates.Select(c => c.Name))}) the one the text supports";
            }
        }

        // Three characters leave one to agree besides the suffix: such a repair needs support in the text.
        var agrees = repaired is not null
            && evidence.ContradictingAreaCodes(repaired).Count == 0
            && (written.Length >= 4 || support.Count > 0);
        if (!agrees)
        {
            // 开发区, 高新区: three-character words are no garbled names worth a warning.
            if (written.Length >= 4)
            {
                warnings.Add($"{written} is no division name and no single division one character away fits the text");
            }

            return [];
        }

        warnings.Add($"{written} is no division name; read as {repaired!.Name} ({PathText(repaired)}), {howChosen}");
        reasons.AddRange(support);
        return [repaired];
    }

    /// <summary>
    /// The divisions the township that <paramref name="rest"/> starts with lies in (鸭南乡 → 抚远市), within
    /// <paramref name="within"/> when given (a division itself or one of its ancestors): one, several the text does not
    /// decide, or none (no such township, or a phone area code of the text points elsewhere).
    /// </summary>
    private IReadOnlyList<AdministrativeDivision> FromTownship(
        ReadOnlySpan<char> rest, IReadOnlyList<AdministrativeDivision>? within, RegionEvidence evidence, List<string> reasons)
    {
        if (townships.Value.Find(rest) is not { } found)
        {
            return [];
        }

        var counties = within is null
            ? found.Counties
            : found.Counties.Where(c => within.Any(w => AdministrativeDivisions.IsWithin(c.Code, w.Code))).ToList();
        if (counties.Count == 1 && evidence.ContradictingAreaCodes(counties[0]).Count == 0)
        {
            reasons.Add($"{found.Township} is a township of {PathText(counties[0])} in the statistical division codes");
            return counties;
        }

        if (counties.Count <= 1)
        {
            return [];
        }

        var decision = evidence.Decide(counties);
        if (decision.Chosen is { } chosen)
        {
            reasons.AddRange(decision.Reasons);
            reasons.Add($"{found.Township} is a township of {counties.Count} divisions; {PathText(chosen)} is the one the text supports");
            return [chosen];
        }

        return counties;
    }

    /// <summary>
    /// The divisions whose portals the text or the source URL names (www.yinchuan.gov.cn: 银川市), at the level the agency
    /// name asks for when it asks for one; used when no division is named in words.
    /// </summary>
    private static IReadOnlyList<AdministrativeDivision> FromPortals(RegionEvidence evidence, DivisionLevel? wanted, List<string> reasons)
    {
        var portals = evidence.Portals.Where(p => wanted is null || p.Division.Level == wanted).ToList();
        if (portals.Count == 0)
        {
            return [];
        }

        reasons.Add($"the text names no division; {string.Join(", ", portals.Select(p => p.Host).Distinct())} is the portal of "
            + string.Join("、", portals.Select(p => p.Division.Name)));
        return portals.ConvertAll(p => p.Division);
    }

    private IReadOnlyList<AdministrativeDivision> FromText(
        string text, DivisionLevel? wanted, AdministrativeDivision? within, List<string> reasons)
    {
        var mention = TextMentions.MostMentioned(text, names, wanted, within)
            ?? (wanted == DivisionLevel.County ? TextMentions.MostMentioned(text, names, null, within) : null);
        if (mention is not { } found)
        {
            return [];
        }

        reasons.Add($"the agency name names no division here; the text names {found.Name.Text} {found.Count} time(s)");
        return found.Divisions;
    }

    private (ResolvedRegion Region, AdministrativeDivision? Division) Choose(
        IReadOnlyList<AdministrativeDivision> candidates, RegionEvidence evidence, List<string> warnings, List<string> reasons)
    {
        if (candidates.Count == 0)
        {
            return (ResolvedRegion.None, null);
        }

        if (candidates.Count == 1)
        {
            var only = candidates[0];
            var elsewhere = evidence.ContradictingAreaCodes(only);
            if (elsewhere.Count > 0)
            {
                warnings.Add($"phone area code {string.Join(", ", elsewhere.Select(c => "0" + c))} does not belong to {PathText(only)}");
            }

            return (Resolved(only, candidates), only);
        }

        var decision = evidence.Decide(candidates);
        if (decision.Chosen is { } chosen)
        {
            reasons.AddRange(decision.Reasons);
            reasons.Add($"{chosen.Name} chosen among {candidates.Count} divisions of that name");
            return (Resolved(chosen, candidates), chosen);
        }

        warnings.Add($"{candidates[0].Name} may be any of {string.Join("; ", candidates.Select(PathText))}: the text does not decide");
        return (Ambiguous(candidates), null);
    }

    private ResolvedRegion Resolved(AdministrativeDivision chosen, IReadOnlyList<AdministrativeDivision> candidates)
    {
        var spelled = Divisions.ToCandidate(chosen);
        var all = new List<RegionCandidate>(candidates.Count) { spelled };
        all.AddRange(candidates.Where(c => c != chosen).Select(Divisions.ToCandidate));
        return new ResolvedRegion(spelled.Province, spelled.City, spelled.County, chosen.Code, false, all);
    }

    /// <summary>Keeps what every candidate shares, from the top: the province, then the city.</summary>
    private ResolvedRegion Ambiguous(IReadOnlyList<AdministrativeDivision> candidates)
    {
        var paths = candidates.Select(Divisions.PathOf).ToList();
        AdministrativeDivision? shared = null;
        for (var depth = 0; paths.All(p => p.Count > depth && p[depth].Code == paths[0][depth].Code); depth++)
        {
            shared = paths[0][depth];
        }

        var spelled = shared is null ? null : Divisions.ToCandidate(shared);
        return new ResolvedRegion(
            spelled?.Province,
            spelled?.City,
            spelled?.County,
            shared?.Code,
            true,
            candidates.Select(Divisions.ToCandidate).ToList());
    }

    private static string? LevelOf(
        (ResolvedRegion Region, AdministrativeDivision? Division) chosen, IReadOnlyList<AdministrativeDivision> candidates, string agency)
    {
        if (chosen.Division is { } division)
        {
            return RegionLevels.Of(division.Level);
        }

        if (candidates.Count > 0 && candidates.All(c => c.Level == candidates[0].Level))
        {
            return RegionLevels.Of(candidates[0].Level);
        }

        return AgencyBodyKinds.LevelFromLeadingCharacter(agency);
    }

    private static DivisionLevel? LevelOfLeadingCharacter(string agency) => AgencyBodyKinds.LevelFromLeadingCharacter(agency) switch
    {
        RegionLevels.Province => DivisionLevel.Province,
        RegionLevels.City => DivisionLevel.Prefecture,
        RegionLevels.County => DivisionLevel.County,
        _ => null,
    };

    private string PathText(AdministrativeDivision division) => string.Join('/', Divisions.PathOf(division).Select(d => d.Name));
}
