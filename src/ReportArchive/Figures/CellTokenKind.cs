namespace ReportArchive.Figures;

/// <summary>What a whitespace-delimited piece of table text stands for.</summary>
internal enum CellTokenKind
{
    /// <summary>A number printed in a cell.</summary>
    Number,

    /// <summary>A dash or slash printed in a cell: the cell exists but gives no number.</summary>
    Placeholder,

    /// <summary>Digits that cannot be one count (a leading zero, as in "0430"): cells run together.</summary>
    RunTogether,

    /// <summary>An empty cell between two cell delimiters (tabs, pipes, &lt;td&gt;): the cell exists and is blank.</summary>
    Blank,
}
