namespace ReportArchive.TextIndex;

/// <summary>How the text index treats one character of normalised text.</summary>
internal enum CharacterRole
{
    /// <summary>A letter, digit or mark: part of a segment's bigrams and segment-end unigram.</summary>
    Segment,

    /// <summary>Any other well-formed character (punctuation, symbol, space): a token of its own.</summary>
    Separator,

    /// <summary>A lone surrogate (never in normalised text): not indexed.</summary>
    Unindexed,
}
