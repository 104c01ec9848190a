using ReportArchive.Analysis.Normalization;
using ReportArchive.Analysis.Tokenizers;

namespace ReportArchive.Analysis;

/// <summary>
/// The analyzer of report text (v1, exact matching): <see cref="TextNormalizer"/> then segment bigrams
/// (<see cref="SegmentBigramEnumerator"/>). Stateless and thread-safe.
/// </summary>
public sealed class ChineseAnalyzer
{
    public static ChineseAnalyzer Default { get; } = new();

    /// <summary>Normalises and tokenises; token offsets point into <paramref name="text"/>.</summary>
    public AnalyzedText Analyze(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        return new AnalyzedText(normalized, Tokenize(normalized));
    }

    public IReadOnlyList<Token> Tokenize(NormalizedText normalized)
    {
        var tokens = new List<Token>(normalized.Text.Length);
        var position = 0;
        foreach (var token in new SegmentBigramEnumerator(normalized.Text))
        {
            var (start, end) = normalized.ToOriginal(token.Start, token.Start + token.Length);
            tokens.Add(new Token(normalized.Text.Substring(token.Start, token.Length), start, end, position++, token.Kind));
        }

        return tokens;
    }
}
