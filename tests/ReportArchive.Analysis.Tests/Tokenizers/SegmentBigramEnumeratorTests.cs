using ReportArchive.Analysis.Tokenizers;

namespace ReportArchive.Analysis.Tests.Tokenizers;

/// <summary>The tokens of normalised text, with and without separators (the analyzer's and the text index's walks).</summary>
public sealed class SegmentBigramEnumeratorTests
{
    private const string Text = "谁公开、谁审 a😀";

    [Fact]
    public void WithoutSeparators_YieldsTheBigramsAndLastUnigramOfEachSegmentOnly()
    {
        Assert.Equal(
            [("谁公", TokenKind.Bigram, 0), ("公开", TokenKind.Bigram, 1), ("开", TokenKind.Unigram, 2),
             ("谁审", TokenKind.Bigram, 4), ("审", TokenKind.Unigram, 5), ("a", TokenKind.Unigram, 7)],
            Tokens(Text, separators: false));
    }

    [Fact]
    public void WithSeparators_AlsoYieldsEachPunctuationOrSymbol_ButNeitherSpacesNorLoneSurrogates()
    {
        Assert.Equal(
            [("谁公", TokenKind.Bigram, 0), ("公开", TokenKind.Bigram, 1), ("开", TokenKind.Unigram, 2),
             ("、", TokenKind.Separator, 3), ("谁审", TokenKind.Bigram, 4), ("审", TokenKind.Unigram, 5),
             ("a", TokenKind.Unigram, 7), ("😀", TokenKind.Separator, 8)],
            Tokens(Text, separators: true));
        Assert.Equal([("a", TokenKind.Unigram, 0), (",", TokenKind.Separator, 2), ("b", TokenKind.Unigram, 4)],
            Tokens("a\uD800,\uDC00b", separators: true));
    }

    [Theory]
    [InlineData("公", CharacterRole.Segment, 1)]
    [InlineData("、", CharacterRole.Separator, 1)]
    [InlineData(" ", CharacterRole.Space, 1)]
    [InlineData("😀", CharacterRole.Separator, 2)]
    public void RoleOf_TellsHowACharacterIsTokenised(string character, CharacterRole role, int length)
    {
        Assert.Equal(role, SegmentBigramEnumerator.RoleOf(character, out var read));
        Assert.Equal(length, read);
    }

    [Fact]
    public void RoleOf_ALoneSurrogate_IsUnindexed()
    {
        Assert.Equal(CharacterRole.Unindexed, SegmentBigramEnumerator.RoleOf("\uD800x", out var read)); // not as inline data: xunit would replace it
        Assert.Equal(1, read);
    }

    private static List<(string Units, TokenKind Kind, int Start)> Tokens(string text, bool separators)
    {
        var tokens = new List<(string, TokenKind, int)>();
        foreach (var token in new SegmentBigramEnumerator(text, separators))
        {
            tokens.Add((text.Substring(token.Start, token.Length), token.Kind, token.Start));
        }

        return tokens;
    }
}
