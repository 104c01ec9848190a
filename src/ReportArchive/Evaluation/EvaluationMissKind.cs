namespace ReportArchive.Evaluation;

public enum EvaluationMissKind
{
    /// <summary>A metadata field that differs from the expected one.</summary>
    Metadata,

    /// <summary>A figure given with another value than the expected one.</summary>
    WrongFigure,

    /// <summary>A figure expected but not given.</summary>
    MissingFigure,

    /// <summary>A figure given where the expected value is null (not in the text).</summary>
    FigureNotExpected,
}
