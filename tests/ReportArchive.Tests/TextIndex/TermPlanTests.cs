using ReportArchive.Analysis;
using ReportArchive.Analysis.Tokenizers;
using ReportArchive.TextIndex;

namespace ReportArchive.Tests.TextIndex;

public sealed class TermPlanTests
{
    private static ulong Bigram(string units) => TokenKey.Bigram(units);

    private static ulong Unigram(string units) => TokenKey.Unigram(units);

    private static ulong Separator(string units) => TokenKey.Separator(units);

    [Fact]
    public void TokenKey_PacksUnitsLeftAligned_AndMarksUnigrams()
    {
        Assert.Equal(((ulong)'政' << 48) | ((ulong)'府' << 32), Bigram("政府"));
        Assert.Equal(((ulong)'政' << 48) | 1UL, Unigram("政"));
        Assert.NotEqual(Bigram("ab"), Unigram("a"));
        Assert.NotEqual(Bigram("a\0"), Unigram("a"));
        var (low, high) = TokenKey.StartingWith("政");
        Assert.InRange(Bigram("政府"), low, high);
        Assert.InRange(Unigram("政"), low, high);
        Assert.False(Bigram("攻府") >= low && Bigram("攻府") <= high);
    }

    [Fact]
    public void TokenKey_OfSurrogatePairs_UsesAllFourUnits_AndStaysApartFromUnigrams()
    {
        var pair = char.ConvertFromUtf32(0x20000); // 𠀀, Han extension B
        var bigram = Bigram(pair + pair);
        Assert.Equal(((ulong)pair[0] << 48) | ((ulong)pair[1] << 32) | ((ulong)pair[0] << 16) | pair[1], bigram);
        Assert.NotEqual(Unigram(pair), Bigram(pair + "a"));
        var (low, high) = TokenKey.StartingWith(pair);
        Assert.InRange(bigram, low, high);
        Assert.InRange(Unigram(pair), low, high);
        Assert.False(Unigram("a") >= low && Unigram("a") <= high);
    }

    [Fact]
    public void Builder_IndexesEveryBigramSegmentEndAndSeparator_AtItsCharacterOffset()
    {
        var builder = new SegmentBuilder();
        builder.Add(7, "", "", "政府信息公开、行政诉讼");
        var segment = builder.Build();
        // body positions start after the empty title and agency and their two unused positions
        var expected = new (ulong Key, int Offset)[]
        {
            (Bigram("政府"), 0), (Bigram("府信"), 1), (Bigram("信息"), 2), (Bigram("息公"), 3), (Bigram("公开"), 4), (Unigram("开"), 5),
            (Separator("、"), 6), (Bigram("行政"), 7), (Bigram("政诉"), 8), (Bigram("诉讼"), 9), (Unigram("讼"), 10),
        };
        Assert.Equal(expected.Select(e => e.Key).Order(), segment.Keys.ToArray());
        foreach (var (key, offset) in expected)
        {
            var cursor = new PostingCursor(segment, segment.FindKey(key));
            Assert.True(cursor.MoveNext());
            Assert.Equal((0, 0, 0, 1), (cursor.Document, cursor.Title, cursor.Agency, cursor.Body));
            Assert.Equal(2 + offset, cursor.Positions.Next());
            Assert.False(cursor.MoveNext());
        }
    }

    [Fact]
    public void Compile_OfOneSegment_TakesCoveringBigramsAtEvenOffsets_AndTheLastButOneWhenOdd()
    {
        var even = TermPlan.Compile("政府信息公开");
        Assert.Equal((TermPlanKind.Phrase, true), (even.Kind, even.Exact));
        Assert.Equal([Bigram("政府"), Bigram("信息"), Bigram("公开")], even.Keys);
        Assert.Equal([0, 2, 4], even.Offsets);

        var odd = TermPlan.Compile("依申请公开");
        Assert.Equal([Bigram("依申"), Bigram("请公"), Bigram("公开")], odd.Keys);
        Assert.Equal([0, 2, 3], odd.Offsets);
        Assert.True(odd.Exact);

        var two = TermPlan.Compile("公开");
        Assert.Equal([Bigram("公开")], two.Keys);
    }

    [Fact]
    public void Compile_OfOneCharacter_IsAPrefixRange()
    {
        var plan = TermPlan.Compile("公");
        Assert.Equal((TermPlanKind.Prefix, true), (plan.Kind, plan.Exact));
        Assert.Equal(TokenKey.StartingWith("公"), (plan.Low, plan.High));
    }

    [Fact]
    public void TokenKey_OfASeparator_HasItsOwnFlag_AndIsAloneInItsCharactersRange()
    {
        Assert.Equal(((ulong)'、' << 48) | TokenKey.SeparatorFlag, Separator("、"));
        Assert.NotEqual(Unigram("、"), Separator("、"));
        var emoji = char.ConvertFromUtf32(0x1F600);
        Assert.Equal(((ulong)emoji[0] << 48) | ((ulong)emoji[1] << 32) | TokenKey.SeparatorFlag, Separator(emoji));
        var (low, high) = TokenKey.StartingWith("、");
        Assert.InRange(Separator("、"), low, high);
        Assert.False(Separator("、") >= TokenKey.StartingWith("公").Low && Separator("、") <= TokenKey.StartingWith("公").High);
    }

    [Fact]
    public void Enumerator_OfTextWithSeparators_YieldsBigramsSegmentEndsAndSeparators_AtTheirOffsets()
    {
        var emoji = char.ConvertFromUtf32(0x1F600);
        var text = $"谁公开、谁审查 a{emoji}";
        var tokens = new List<(string Units, TokenKind Kind, int Start)>();
        foreach (var token in new SegmentBigramEnumerator(text, separators: true))
        {
            tokens.Add((text.Substring(token.Start, token.Length), token.Kind, token.Start));
        }

        Assert.Equal(
            [
                ("谁公", TokenKind.Bigram, 0), ("公开", TokenKind.Bigram, 1), ("开", TokenKind.Unigram, 2),
                ("、", TokenKind.Separator, 3), ("谁审", TokenKind.Bigram, 4), ("审查", TokenKind.Bigram, 5),
                ("查", TokenKind.Unigram, 6), ("a", TokenKind.Unigram, 8), // the space at 7 is not indexed
                (emoji, TokenKind.Separator, 9),
            ],
            tokens);
    }

    [Fact]
    public void Enumerator_LeavesOutSpacesAndLoneSurrogatesOnly()
    {
        var starts = new List<int>();
        foreach (var token in new SegmentBigramEnumerator("a\uD800,\uDC00b c", separators: true))
        {
            starts.Add(token.Start);
        }

        Assert.Equal([0, 2, 4, 6], starts);
    }

    [Fact]
    public void Compile_OfATermWithSeparators_IsExact_SegmentsAndSeparatorsAtTheirOffsets()
    {
        var plan = TermPlan.Compile("谁公开、谁审查");
        Assert.Equal((TermPlanKind.Phrase, true, false), (plan.Kind, plan.Exact, plan.HasTail));
        Assert.Equal([Bigram("谁公"), Bigram("公开"), Separator("、"), Bigram("谁审"), Bigram("审查")], plan.Keys);
        Assert.Equal([0, 1, 3, 4, 5], plan.Offsets);

        var trailing = TermPlan.Compile("公开,");
        Assert.Equal([Bigram("公开"), Separator(",")], trailing.Keys);
        Assert.Equal([0, 2], trailing.Offsets);
        Assert.True(trailing.Exact);

    }

    [Fact]
    public void Compile_OfATermWithASpace_IsASuperset_TheRunBeforeItEndingInItsUnigram()
    {
        var spaced = TermPlan.Compile("ab cd");
        Assert.Equal((TermPlanKind.Phrase, false), (spaced.Kind, spaced.Exact));
        Assert.Equal([Bigram("ab"), Unigram("b"), Bigram("cd")], spaced.Keys);
        Assert.Equal([0, 1, 3], spaced.Offsets);

        var tail = TermPlan.Compile("ab c");
        Assert.Equal([Bigram("ab"), Unigram("b")], tail.Keys);
        Assert.Equal((3, false), (tail.TailOffset, tail.Exact));
        Assert.Equal(TermPlanKind.Unusable, TermPlan.Compile("  ").Kind);
    }

    [Fact]
    public void Compile_OfOneCharacterSegments_UsesTheSegmentEndInside_AndATailRangeAtTheEnd()
    {
        var plan = TermPlan.Compile("年、公");
        Assert.Equal((TermPlanKind.Phrase, true), (plan.Kind, plan.Exact));
        Assert.Equal([Unigram("年"), Separator("、")], plan.Keys);
        Assert.Equal([0, 1], plan.Offsets);
        Assert.Equal(2, plan.TailOffset);
        Assert.Equal(TokenKey.StartingWith("公"), (plan.Low, plan.High));

        var leading = TermPlan.Compile(",公");
        Assert.Equal((TermPlanKind.Phrase, true, 1), (leading.Kind, leading.Exact, leading.TailOffset));
        Assert.Equal([Separator(",")], leading.Keys);
    }

    [Fact]
    public void Compile_OfPunctuationOnly_IsExactSeparatorTokens()
    {
        var one = TermPlan.Compile("、");
        Assert.Equal((TermPlanKind.Phrase, true), (one.Kind, one.Exact));
        Assert.Equal([Separator("、")], one.Keys);

        var two = TermPlan.Compile("《》");
        Assert.Equal([Separator("《"), Separator("》")], two.Keys);
        Assert.Equal([0, 1], two.Offsets);
    }

    [Fact]
    public void Compile_OfAnEmptyTermOrALoneSurrogate_IsUnusable()
    {
        Assert.Equal((TermPlanKind.Unusable, false), (TermPlan.Compile("").Kind, TermPlan.Compile("").Exact));
        Assert.Equal(TermPlanKind.Unusable, TermPlan.Compile("公\uD840").Kind); // may be half of a pair in the text
    }
}
