using ReportArchive.Figures;
using ReportArchive.Storage.Compact;

namespace ReportArchive.Tests.Storage.Compact;

public sealed class CheckListTests
{
    [Fact]
    public void Checks_RoundTripInOrder_WithTheirCounts()
    {
        List<FigureCheck> checks =
        [
            new("requests.balance.total", true, "一+二 = 3, （七）总计+四 = 3"),
            new("narrative.requests.new", false, "prose states 42 (“收到政府信息公开申请42件”), table gives 0"),
            new("review.total", false, "expected 11 (sum of the four results), printed 𠀀\n"),
        ];

        var stored = CheckList.Encode(checks);

        Assert.Equal(checks, CheckList.Decode(stored));
        Assert.Equal((3, 2), CheckList.Counts(stored));
    }

    [Fact]
    public void NoChecks_RoundTrip() =>
        Assert.Empty(CheckList.Decode(CheckList.Encode([])));
}
