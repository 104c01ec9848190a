namespace ReportArchive.Evaluation;

/// <summary>The bars the real-report evaluation must reach (issue 15's targets), in one place.</summary>
public static class EvaluationTargets
{
    /// <summary>Right figures over every figure given (right, wrong, and given where the expected value is null).</summary>
    public const double FigurePrecision = 0.99;

    /// <summary>Right figures over every expected non-null figure.</summary>
    public const double FigureRecall = 0.97;

    /// <summary>Right metadata fields (year, province, city, county, level, agency type) over all of them.</summary>
    public const double MetadataAccuracy = 0.97;

    /// <summary>
    /// What CI holds the parser to on <c>shared/real-reports</c>, at least the targets: just under what the parser
    /// reaches today (measured: precision 0.993, recall 0.977, metadata 0.978 over 54 inputs), so no change may read
    /// fewer reports right. Raise them as the parser improves; the targets above are the goal.
    /// </summary>
    public const double FigurePrecisionFloor = 0.99;

    /// <inheritdoc cref="FigurePrecisionFloor"/>
    public const double FigureRecallFloor = 0.975;

    /// <inheritdoc cref="FigurePrecisionFloor"/>
    public const double MetadataAccuracyFloor = 0.975;
}
