namespace ReportArchive.Figures.Narrative;

/// <summary>
/// One sentence of the prose: its span in the original text and its folded form (traditional characters simplified,
/// full-width digits and punctuation made ASCII), which has the same length, so an offset in one is an offset in
/// the other.
/// </summary>
/// <param name="Start">UTF-16 offset of the sentence in the original text.</param>
/// <param name="Text">The sentence as printed.</param>
/// <param name="Folded">The sentence folded for matching; <c>Folded.Length == Text.Length</c>.</param>
internal sealed record NarrativeSentence(int Start, string Text, string Folded);
