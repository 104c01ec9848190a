namespace ReportArchive.Search;

/// <summary>
/// A query translated for the full-text index. <see cref="Match"/> selects a superset of the matching reports
/// (null: every report is a candidate); <see cref="Exclude"/> selects reports to drop for certain; when
/// <see cref="NeedsVerification"/> is set, candidates must be checked against their normalised text.
/// </summary>
public sealed record FtsQuery(string? Match, string? Exclude, bool NeedsVerification);
