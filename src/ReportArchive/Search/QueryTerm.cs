namespace ReportArchive.Search;

/// <summary>One term of a query: the text as typed and its normalised form, which a report must contain.</summary>
/// <param name="Quoted">True when the user wrote it in double quotes.</param>
public sealed record QueryTerm(string Text, string Normalized, bool Quoted);
