using ReportArchive.TextIndex;

namespace ReportArchive.Tests.TextIndex;

public sealed class TermPlanTests
{
    private static ulong Bigram(string units) => TokenKey.Bigram(units);

    private static ulong Unigram(string units) => TokenKey.Unigram(units);

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
    public void Builder_IndexesEveryBigramAndSegmentEnd_AtItsCharacterOffset()
    {
        var builder = new SegmentBuilder();
        builder.Add(7, "", "", "政府信息公开、行政诉讼");
        var segment = builder.Build();
        // body positions start after the empty title and agency and their two unused positions
        var expected = new (ulong Key, int Offset)[]
        {
            (Bigram("政府"), 0), (Bigram("府信"), 1), (Bigram("信息"), 2), (Bigram("息公"), 3), (Bigram("公开"), 4), (Unigram("开"), 5),
            (Bigram("行政"), 7), (Bigram("政诉"), 8), (Bigram("诉讼"), 9), (Unigram("讼"), 10),
        };
        Assert.Equal(expected.Select(e => e.Key).Order(), segment.Keys.ToArray());
        foreach (var (key, offset) in expected)
        {
            var cursor = new PostingCursor(segment, segment.FindKey(key));
            Assert.True(cursor.MoveNext());
            Assert.Equal((0, 0, 0, 1), (cursor.Document, cursor.Title, cursor.Agency, cursor.Body));
            Assert.Equal(2 + offset, cursor.Position(0));
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
    public void Compile_OfSeveralSegments_IsASupersetWithSegmentEnds()
    {
        var plan = TermPlan.Compile("谁公开、谁审查");
        Assert.Equal((TermPlanKind.Phrase, false), (plan.Kind, plan.Exact));
        Assert.Equal([Bigram("谁公"), Bigram("公开"), Unigram("开"), Bigram("谁审"), Bigram("审查")], plan.Keys);
        Assert.Equal([0, 1, 2, 4, 5], plan.Offsets);

        var trailing = TermPlan.Compile("公开,");
        Assert.Equal([Bigram("公开"), Unigram("开")], trailing.Keys);
        Assert.False(trailing.Exact);

        var leading = TermPlan.Compile(",公");
        Assert.Equal((TermPlanKind.Prefix, false), (leading.Kind, leading.Exact));
    }

    [Fact]
    public void Compile_WithoutLettersOrDigits_IsUnusable()
    {
        Assert.Equal(TermPlanKind.Unusable, TermPlan.Compile("、，").Kind);
        Assert.Equal(TermPlanKind.Unusable, TermPlan.Compile("").Kind);
    }
}
