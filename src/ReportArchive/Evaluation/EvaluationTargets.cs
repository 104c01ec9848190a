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
}
