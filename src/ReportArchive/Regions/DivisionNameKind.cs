namespace ReportArchive.Regions;

internal enum DivisionNameKind
{
    Official,
    Alias,
    Short,
}
