namespace ReportArchive.Analysis.Segmentation;

/// <summary>
/// One word found by <see cref="WordSegmenter"/> (分词结果): its text, where it starts in the segmented string
/// and its length, both in UTF-16 code units, and whether it is a dictionary word (general dictionary,
/// domain lexicon or a user dictionary) rather than a number, a Latin word or a run the fallback grouped.
/// </summary>
public readonly record struct Segment(string Text, int Start, int Length, bool InDictionary)
{
    /// <summary>The offset just past the segment's last code unit.</summary>
    public int End => Start + Length;
}
