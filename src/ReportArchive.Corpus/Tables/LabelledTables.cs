namespace ReportArchive.Corpus.Tables;

/// <summary>Tables A, B and C rendered as text, with the outcome a correct reader must give.</summary>
/// <param name="Text">Parts 二, 三 and 四 of a report: headings and tables.</param>
/// <param name="Layout">How the tables were flattened.</param>
/// <param name="Defect">The fault put in on purpose, if any.</param>
/// <param name="Template">"2019" or "2021".</param>
/// <param name="Figures">The printed value of every key (after the defect: a typo is the printed value).</param>
/// <param name="Determinable">Keys the text makes unambiguous: a reader must return exactly <paramref name="Figures"/> for them; for the others it must return null or the printed value.</param>
/// <param name="ExpectedFailedRules">Identity rules that fail on the printed values (only meaningful when every key is determinable).</param>
/// <param name="ExpectsWarning">Whether a reader must warn (a reading chosen or a row left empty).</param>
public sealed record LabelledTables(
    string Text,
    TableLayout Layout,
    TableDefect Defect,
    string Template,
    IReadOnlyDictionary<string, decimal> Figures,
    IReadOnlySet<string> Determinable,
    IReadOnlyList<string> ExpectedFailedRules,
    bool ExpectsWarning);
