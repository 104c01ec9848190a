namespace ReportArchive.Regions;

/// <summary>The values of <see cref="RegionResolution.Level"/>: the tier of government of the reporting body.</summary>
public static class RegionLevels
{
    public const string Central = "central";
    public const string Province = "province";
    public const string City = "city";
    public const string County = "county";
    public const string Township = "township";

    /// <summary>The level of a body named after a division of the given tier.</summary>
    public static string Of(DivisionLevel level) => level switch
    {
        DivisionLevel.Province => Province,
        DivisionLevel.Prefecture => City,
        _ => County,
    };
}
