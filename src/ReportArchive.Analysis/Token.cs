namespace ReportArchive.Analysis;

/// <summary>
/// One token of analysed text. <see cref="StartOffset"/> and <see cref="EndOffset"/> are UTF-16 indices into the
/// original text (before normalisation), so a highlight built from them marks exactly what the reader sees.
/// </summary>
public readonly record struct Token(string Term, int StartOffset, int EndOffset, int Position, TokenKind Kind);
