namespace ReportArchive.Analysis.Tokenizers;

/// <summary>How the tokenizer treats one character of normalised text (<see cref="SegmentBigramEnumerator.RoleOf"/>).</summary>
public enum CharacterRole
{
    /// <summary>A letter, digit or mark: part of a segment's bigrams and segment-end unigram.</summary>
    Segment,

    /// <summary>Any other well-formed character but whitespace (punctuation, symbols): a token of its own when separators are asked for.</summary>
    Separator,

    /// <summary>
    /// Whitespace: in normalised text, the single space kept between two non-Han characters. Not indexed (it would
    /// add about a tenth of the index for the rare term with a space inside), so such a term is a superset.
    /// </summary>
    Space,

    /// <summary>A lone surrogate (never in normalised text): not indexed.</summary>
    Unindexed,
}
