namespace ReportArchive.Search;

/// <summary>Why a term is part of a query.</summary>
public enum QueryTermKind
{
    /// <summary>Typed by the user and kept whole: quoted, a dictionary word, or not Chinese text.</summary>
    Exact,

    /// <summary>A word of an unquoted Chinese term that the segmenter split (郑州行政诉讼 → 郑州, 行政诉讼).</summary>
    Word,

    /// <summary>An equivalent name from the synonym table (工信局 → 工业和信息化局).</summary>
    Synonym,
}
