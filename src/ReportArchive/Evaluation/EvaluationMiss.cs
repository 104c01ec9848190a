namespace ReportArchive.Evaluation;

/// <summary>One field read wrong, missed, or given where nothing was expected.</summary>
/// <param name="Input">The input scored, e.g. <c>reports/002.txt</c> or <c>html/002.html</c>.</param>
/// <param name="Field">A metadata field (year, province, …, agencyType) or an expected figure name.</param>
public sealed record EvaluationMiss(string Input, string Field, string? Got, string? Expected, EvaluationMissKind Kind);
