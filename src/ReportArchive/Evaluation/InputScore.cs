namespace ReportArchive.Evaluation;

/// <summary>The score of one input (one text or one HTML page) against its expected values.</summary>
public sealed record InputScore(
    string Input,
    int MetadataRight,
    int MetadataTotal,
    int FiguresRight,
    int FiguresWrong,
    int FiguresGivenWhereNull,
    int FiguresExpected,
    IReadOnlyList<EvaluationMiss> Misses);
