namespace ReportArchive.Corpus.Tables;

/// <summary>The small variations of labels between real reports.</summary>
internal sealed record LabelStyle(
    bool FullWidthBrackets,
    string Enumerator,
    bool DropPartNumbers,
    bool ShortNonprofit,
    bool LawReview,
    bool SplitLegalService,
    bool ShortLabels,
    int HeadingStyle)
{
    private static readonly string[] Enumerators = [".", ".", "．", "、", " ", ""];

    public static LabelStyle Random(Random rng) => new(
        rng.NextDouble() < 0.5,
        Enumerators[rng.Next(Enumerators.Length)],
        rng.NextDouble() < 0.15,
        rng.NextDouble() < 0.3,
        rng.NextDouble() < 0.1,
        rng.NextDouble() < 0.3,
        rng.NextDouble() < 0.3,
        rng.Next(3));

    public string Bracket(string numeral) => FullWidthBrackets ? $"（{numeral}）" : $"({numeral}) ";

    public string Numbered(int index, string label) => Enumerator.Length == 0 ? label : index + Enumerator + label;

    public string Part(string numeral, string label) => DropPartNumbers ? label : numeral + "、" + label;

    public string Heading(string text) => HeadingStyle switch
    {
        1 => "## " + text,
        2 => "**" + text + "**",
        _ => text,
    };
}
