namespace ReportArchive.Storage.Compact;

/// <summary>A figure key with its index in the 2019 and in the 2021 template's order (-1 where the template lacks it).</summary>
internal sealed record FigureKeyPosition(string Key, int Index2019, int Index2021);
