namespace ReportArchive.Corpus.Tables;

/// <summary>How a converter flattened the tables of a report into text (each seen in real reports).</summary>
public enum TableLayout
{
    /// <summary>Cells separated by tabs, empty cells kept (seeds 000 and 004).</summary>
    TabSeparated,

    /// <summary>Markdown pipe tables with labels spread over cells (seed 002).</summary>
    MarkdownPipes,

    /// <summary>Tabs, with long labels broken across lines and the values in the middle (seed 003).</summary>
    BrokenLabels,

    /// <summary>Tabs, with header cells written one character per line (seed 001).</summary>
    OneCharPerLineHeaders,

    /// <summary>PDF converter output: columns kept by runs of spaces, empty cells gone.</summary>
    SpaceAligned,

    /// <summary>PDF converter output: every label of a table first, then every value on its own line.</summary>
    NumbersAfterLabels,

    /// <summary>HTML tables, cells in &lt;td&gt;.</summary>
    Html,

    /// <summary>Every non-empty cell on its own line.</summary>
    OneCellPerLine,
}
