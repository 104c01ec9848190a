namespace ReportArchive.Storage;

/// <summary>Where the first-start import of the seeds stands (<see cref="SeedImportRecord"/>).</summary>
public enum SeedImportState
{
    NotBegun,
    Begun,
    Done,
}
