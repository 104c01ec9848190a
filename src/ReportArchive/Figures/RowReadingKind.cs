namespace ReportArchive.Figures;

/// <summary>How the printed values of a row map onto its cells.</summary>
internal enum RowReadingKind
{
    /// <summary>As many values as cells: read as printed.</summary>
    Exact,

    /// <summary>One value too many: every reading that leaves one out and adds up.</summary>
    OneExtra,

    /// <summary>One value too few: every reading that assumes one cell lost and takes it from its group's total.</summary>
    OneMissing,

    /// <summary>No reading without guessing.</summary>
    Unreadable,
}
