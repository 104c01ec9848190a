namespace ReportArchive.Figures;

/// <summary>A column of a template table: the last key segment and its Chinese header.</summary>
internal sealed record TableColumn(string Key, string ChineseLabel);
