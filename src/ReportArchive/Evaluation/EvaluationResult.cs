using System.Text.Json.Serialization;

namespace ReportArchive.Evaluation;

/// <summary>
/// The scores of every input of an evaluation, their totals and the rates the targets
/// (<see cref="EvaluationTargets"/>) are stated in. A rate with nothing to count is 1.
/// </summary>
public sealed record EvaluationResult(IReadOnlyList<InputScore> Inputs)
{
    public int MetadataRight => Inputs.Sum(i => i.MetadataRight);

    public int MetadataTotal => Inputs.Sum(i => i.MetadataTotal);

    public int FiguresRight => Inputs.Sum(i => i.FiguresRight);

    public int FiguresWrong => Inputs.Sum(i => i.FiguresWrong);

    public int FiguresGivenWhereNull => Inputs.Sum(i => i.FiguresGivenWhereNull);

    public int FiguresExpected => Inputs.Sum(i => i.FiguresExpected);

    public double MetadataAccuracy => Rate(MetadataRight, MetadataTotal);

    /// <summary>right / (right + wrong + given where the expected value is null).</summary>
    public double FigurePrecision => Rate(FiguresRight, FiguresRight + FiguresWrong + FiguresGivenWhereNull);

    /// <summary>right / every expected non-null figure.</summary>
    public double FigureRecall => Rate(FiguresRight, FiguresExpected);

    [JsonIgnore]
    public IReadOnlyList<EvaluationMiss> Misses => Inputs.SelectMany(i => i.Misses).ToList();

    public bool MeetsTargets =>
        FigurePrecision >= EvaluationTargets.FigurePrecision
        && FigureRecall >= EvaluationTargets.FigureRecall
        && MetadataAccuracy >= EvaluationTargets.MetadataAccuracy;

    private static double Rate(int part, int whole) => whole == 0 ? 1 : (double)part / whole;
}
