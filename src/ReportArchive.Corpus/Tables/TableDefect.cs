namespace ReportArchive.Corpus.Tables;

/// <summary>A fault put into rendered tables on purpose, with a known expected outcome.</summary>
public enum TableDefect
{
    /// <summary>Tables as the figures give them.</summary>
    None,

    /// <summary>One cell of table B printed wrong (a typing error): the identities it takes part in fail.</summary>
    Inconsistent,

    /// <summary>A spurious sixteenth value in table C (seed 004): readable when exactly one reading adds up.</summary>
    ExtraReviewValue,

    /// <summary>A table B row printed with one value lost (seed 001): readable when the identities decide.</summary>
    MissingRequestCell,

    /// <summary>Two cells of a table B row printed without a separator ("26480430"): not readable without guessing.</summary>
    RunTogetherCells,
}
