namespace ReportArchive.TextIndex;

/// <summary>How the text index treats one character of normalised text.</summary>
internal enum CharacterRole
{
    /// <summary>A letter, digit or mark: part of a segment's bigrams and segment-end unigram.</summary>
    Segment,

    /// <summary>Any other well-formed character but whitespace (punctuation, symbols): a token of its own.</summary>
    Separator,

    /// <summary>
    /// Whitespace: in normalised text, the single space kept between two non-Han characters. Not indexed (it would
    /// add about a tenth of the index for the rare term with a space inside), so such a term is a superset.
    /// </summary>
    Space,

    /// <summary>A lone surrogate (never in normalised text): not indexed.</summary>
    Unindexed,
}
