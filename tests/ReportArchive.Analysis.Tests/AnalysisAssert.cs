using ReportArchive.Analysis.Conversion;

namespace ReportArchive.Analysis.Tests;

/// <summary>
/// Asserts what an analyzer produces, and on every call the token-stream contract: offsets in bounds and never
/// backwards, positions consecutive, and the original slice equal to the term wherever the text needed no folding
/// (Han characters compared in their simplified form).
/// </summary>
internal static class AnalysisAssert
{
    public static void AnalyzesTo(string text, string[] terms, int[]? starts = null, int[]? ends = null)
    {
        var analyzed = ChineseAnalyzer.Default.Analyze(text);
        AssertInvariants(text, analyzed);
        Assert.Equal(terms, analyzed.Tokens.Select(t => t.Term).ToArray());
        if (starts is not null)
        {
            Assert.Equal(starts, analyzed.Tokens.Select(t => t.StartOffset).ToArray());
        }

        if (ends is not null)
        {
            Assert.Equal(ends, analyzed.Tokens.Select(t => t.EndOffset).ToArray());
        }
    }

    public static void AssertInvariants(string text, AnalyzedText analyzed)
    {
        var previousStart = 0;
        for (var i = 0; i < analyzed.Tokens.Count; i++)
        {
            var token = analyzed.Tokens[i];
            Assert.Equal(i, token.Position);
            Assert.InRange(token.StartOffset, 0, text.Length);
            Assert.InRange(token.EndOffset, token.StartOffset + 1, text.Length);
            Assert.True(token.StartOffset >= previousStart, $"token {i} '{token.Term}' starts before the previous one");
            previousStart = token.StartOffset;
            Assert.InRange(token.Term.Length, 1, 4);
            var slice = text[token.StartOffset..token.EndOffset];
            if (slice.All(c => c < 0x80 ? char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) : c is >= '\u4E00' and <= '\u9FFF'))
            {
                Assert.Equal(token.Term, new string(slice.Select(TraditionalToSimplified.Simplify).ToArray()));
            }
        }
    }
}
