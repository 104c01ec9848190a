namespace ReportArchive.Corpus.Tables;

/// <summary>A row of a table as printed: label cells, then value cells (none for a header row).</summary>
internal sealed class PrintedRow(List<string> cells, int labelCells, bool isHeader, string? prefix = null)
{
    public List<string> Cells { get; } = cells;

    public int LabelCells { get; } = labelCells;

    public bool IsHeader { get; } = isHeader;

    /// <summary>A column header row that a converter may write one character per line.</summary>
    public bool Spreadable { get; init; }

    /// <summary>Key prefix of the data row (e.g. <c>requests.granted</c>); null for headers.</summary>
    public string? Prefix { get; } = prefix;

    public int ValueCount => IsHeader ? 0 : Cells.Count - LabelCells;
}
