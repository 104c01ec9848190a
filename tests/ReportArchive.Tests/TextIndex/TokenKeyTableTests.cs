using ReportArchive.TextIndex;

namespace ReportArchive.Tests.TextIndex;

public sealed class TokenKeyTableTests
{
    [Fact]
    public void GetOrAdd_NumbersKeysInFirstSeenOrder_ThroughGrowthAndAfterClear()
    {
        var table = new TokenKeyTable(capacity: 4);
        var random = new Random(3);
        for (var round = 0; round < 3; round++)
        {
            // keys that differ only in their high bits or only in their low bits, 0 and the largest among them
            var keys = Enumerable.Range(0, 5_000).Select(i => i % 3 == 0 ? (ulong)i << 48 : i % 3 == 1 ? (ulong)i : (ulong)random.NextInt64())
                .Append(0UL).Append(ulong.MaxValue).Distinct().ToList();
            var ids = new Dictionary<ulong, int>();
            foreach (var key in keys.Concat(keys.AsEnumerable().Reverse()))
            {
                var id = table.GetOrAdd(key, out var added);
                Assert.Equal(!ids.ContainsKey(key), added);
                if (added)
                {
                    ids[key] = ids.Count;
                }

                Assert.Equal(ids[key], id);
            }

            Assert.Equal(keys.Count, table.Count);
            Assert.Equal(keys, table.Keys.ToArray());
            table.Clear();
            Assert.Equal(0, table.Count);
        }
    }
}
