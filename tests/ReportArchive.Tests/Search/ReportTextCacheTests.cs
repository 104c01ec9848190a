using ReportArchive.Search;

namespace ReportArchive.Tests.Search;

/// <summary>
/// The searcher's text cache reads only what it does not hold, stays within its byte bound (least recently used out
/// first), empties when the archive's generation moves on and is neither read nor filled by a search of an older one.
/// </summary>
public sealed class ReportTextCacheTests
{
    private const int Characters = 100;

    /// <summary>What <see cref="ReportTextCache"/> charges for one of these texts (12 bytes a character and 200 an entry).</summary>
    private const long EntryBytes = 200 + (12 * Characters);

    [Fact]
    public void Get_ReadsOnlyTheTextsItDoesNotHold_InOneCall()
    {
        var store = new CountingStore();
        var cache = new ReportTextCache(100 * EntryBytes);

        var first = cache.Get(1, [1, 2, 3], store.Read);
        var second = cache.Get(1, [2, 3, 4], store.Read);

        Assert.Equal([[1, 2, 3], [4]], store.Calls);
        Assert.Equal(Text(2), second[2].Original);
        Assert.Same(first[3], second[3]);
        Assert.Equal(4 * EntryBytes, cache.Bytes);
    }

    [Fact]
    public void Get_LeavesOutReportsTheStoreNoLongerHolds_AndDoesNotKeepThem()
    {
        var store = new CountingStore { Deleted = { 2 } };
        var cache = new ReportTextCache(100 * EntryBytes);

        var texts = cache.Get(1, [1, 2], store.Read);
        cache.Get(1, [2], store.Read);

        Assert.Equal([1L], texts.Keys);
        Assert.Equal([[1, 2], [2]], store.Calls);
    }

    [Fact]
    public void Get_StaysWithinItsBound_DroppingTheLeastRecentlyUsed()
    {
        var store = new CountingStore();
        var cache = new ReportTextCache(3 * EntryBytes);

        cache.Get(1, [1, 2, 3], store.Read);
        cache.Get(1, [1], store.Read); // 1 is now the most recently used
        cache.Get(1, [4], store.Read); // 2 goes
        store.Calls.Clear();
        cache.Get(1, [1, 3, 4], store.Read);
        cache.Get(1, [2], store.Read);

        Assert.Equal([[2]], store.Calls);
        Assert.True(cache.Bytes <= 3 * EntryBytes);
    }

    [Fact]
    public void Get_OfANewerGeneration_EmptiesTheCache_AndAnOlderOneBypassesIt()
    {
        var store = new CountingStore();
        var cache = new ReportTextCache(100 * EntryBytes);

        cache.Get(5, [1, 2], store.Read);
        cache.Get(6, [1], store.Read); // a write happened: nothing of generation 5 is served
        cache.Get(5, [1, 3], store.Read); // a search still reading generation 5: served from the store, nothing kept
        cache.Get(6, [1, 3], store.Read);

        Assert.Equal([[1, 2], [1], [1, 3], [3]], store.Calls);
        Assert.Equal(2 * EntryBytes, cache.Bytes);
    }

    [Fact]
    public void TierFor_ComputesOncePerQueryKey_AndKeepsTheLastFourComputed()
    {
        var text = new ReportText(Text(1));
        var computed = new List<string>();
        int Tier(string key) => text.TierFor(key, normalized =>
        {
            computed.Add(key);
            return key.Length + normalized.Length;
        });

        var first = Tier("a");
        Tier("a");
        Tier("bb");
        Tier("ccc");
        Tier("dddd");
        Tier("a"); // still one of the last four computed
        Tier("eeeee"); // a, the oldest, goes
        Tier("bb");
        Tier("a");

        Assert.Equal(1 + text.Normalized.Text.Length, first);
        Assert.Equal(["a", "bb", "ccc", "dddd", "eeeee", "a"], computed);
    }

    private static string Text(long id) => $"第{id}号报告" + new string('文', Characters - 4 - id.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);

    private sealed class CountingStore
    {
        public List<List<long>> Calls { get; } = [];

        public HashSet<long> Deleted { get; } = [];

        public IReadOnlyDictionary<long, string> Read(IReadOnlyCollection<long> ids)
        {
            Calls.Add([.. ids]);
            return ids.Where(id => !Deleted.Contains(id)).ToDictionary(id => id, Text);
        }
    }
}
