namespace ReportArchive.Regions;

/// <summary>
/// One administrative division (行政区划) of GB/T 2260. <see cref="Code"/> keeps its natural length
/// (2 digits for a province, 4 for a prefecture, 6 for a county), so a code prefix selects a subtree.
/// <see cref="ParentCode"/> is null for a province; districts of the four municipalities and county-level
/// units directly under a province (天门市) have the province as parent.
/// </summary>
public sealed record AdministrativeDivision(string Code, string Name, string? ParentCode, DivisionLevel Level);
