namespace ReportArchive.Regions;

/// <summary>The three tiers of GB/T 2260, told apart by the length of the code (2, 4 or 6 digits).</summary>
public enum DivisionLevel
{
    /// <summary>省级: province, autonomous region or municipality (直辖市).</summary>
    Province,

    /// <summary>地级: prefecture-level city, 地区, 自治州 or 盟.</summary>
    Prefecture,

    /// <summary>县级: district, county, county-level city, 旗, 自治县, 林区, 特区.</summary>
    County,
}
