namespace ReportArchive.Search;

/// <summary>One term of a query: as typed (or derived), its normalised form, which a report must contain, and why it is there.</summary>
/// <param name="From">For a word or a synonym, the typed term it came from; null for a typed term.</param>
public sealed record QueryTerm(string Text, string Normalized, QueryTermKind Kind, string? From = null);
