using ReportArchive.Corpus.Tables;

namespace ReportArchive.Corpus.Reports;

/// <summary>A generated report: its file name and text, and the truth it was generated from.</summary>
public sealed record GeneratedReport(string FileName, string Text, SampleAgency Agency, int Year, LabelledTables Tables);
