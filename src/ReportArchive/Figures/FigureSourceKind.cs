namespace ReportArchive.Figures;

/// <summary>Where a figure's value was read.</summary>
public enum FigureSourceKind
{
    /// <summary>A cell of table A, B or C.</summary>
    Table,

    /// <summary>A sentence of the prose (共收到政府信息公开申请44件), used where the table does not give the cell.</summary>
    Narrative,
}
