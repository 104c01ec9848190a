using System.Text;
using ReportArchive.Search.Catalog;

namespace ReportArchive.Tests.Search.Catalog;

public sealed class Utf8ValuePoolTests
{
    [Fact]
    public void Add_NumbersValuesByFirstAppearance_AndDecodesEachOnce()
    {
        var pool = new Utf8ValuePool();
        var ordinals = new[] { "河南省", "北京市", "河南省", "", "北京市", "郑州市" }.Select(v => pool.Add(Encoding.UTF8.GetBytes(v))).ToArray();

        Assert.Equal([0, 1, 0, 2, 1, 3], ordinals);
        Assert.Equal(["河南省", "北京市", "", "郑州市"], pool.ToArray());
        Assert.Same(pool[0], pool[pool.Add(Encoding.UTF8.GetBytes("河南省"))]);
    }

    [Fact]
    public void Add_KeepsEveryValue_AcrossGrowth()
    {
        var pool = new Utf8ValuePool();
        var values = Enumerable.Range(0, 5000).Select(i => $"机构{i}").ToArray();
        foreach (var value in values.Concat(values.Reverse()))
        {
            pool.Add(Encoding.UTF8.GetBytes(value));
        }

        Assert.Equal(values, pool.ToArray());
        Assert.Equal(4321, pool.Add(Encoding.UTF8.GetBytes("机构4321")));
    }

    [Fact]
    public void Add_GivesIllFormedBytesDecodingToAHeldValue_ThatValuesOrdinal()
    {
        var pool = new Utf8ValuePool();
        var first = pool.Add([0x61, 0xFF]); // "a\uFFFD"
        var second = pool.Add([0x61, 0xFE]); // other bytes, same decoded value

        Assert.Equal(first, second);
        Assert.Equal(["a\uFFFD"], pool.ToArray());
    }
}
