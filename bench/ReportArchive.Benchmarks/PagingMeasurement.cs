using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using ReportArchive.Search;
using ReportArchive.Search.Catalog;
using ReportArchive.Storage;

namespace ReportArchive.Benchmarks;

/// <summary>
/// A separate mode (<c>--paging</c>, on the archive a <c>--keep</c> run left in <c>--data-dir</c>): the latency of deep
/// pages at 20 a page by page number (1, 2, 3, 5, 25, 50, 100) and by the <c>after</c> cursor (the page after page 49
/// and page 99), the fastest of <c>--rounds</c> warm rounds (the machine is shared: the minimum is the cost, the rest is waiting), for queries matching every report, many, and browsing.
/// </summary>
internal static class PagingMeasurement
{
    private const int PageSize = 20;
    private static readonly int[] Pages = [1, 2, 3, 5, 25, 50, 100];
    private static readonly string?[] Queries = ["行政诉讼", "复议", "政府信息公开", "公安局", null];

    public static bool Requested(string[] args) => args.Contains("--paging", StringComparer.Ordinal);

    public static void Run(string archiveDirectory, int rounds)
    {
        SqliteConnection.ClearAllPools();
        var store = new ReportStore(ArchiveDatabase.Open(archiveDirectory));
        var searcher = new Searcher(store, new ReportCatalog(store));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"paging: fastest ms of {rounds} rounds, {PageSize} a page"));
        Console.WriteLine("| query | " + string.Join(" | ", Pages.Select(p => $"page {p}")) + " | after page 49 | after page 99 |");
        Console.WriteLine("|---|" + string.Concat(Enumerable.Repeat("---|", Pages.Length + 2)));
        foreach (var query in Queries)
        {
            var request = new SearchRequest(query, SearchFilters.None, PageSize: PageSize);
            var cells = new List<double>();
            foreach (var page in Pages)
            {
                cells.Add(Fastest(() => searcher.Search(request with { Page = page }, CancellationToken.None), rounds));
            }

            // cursor-begin
            foreach (var page in new[] { 49, 99 })
            {
                var next = searcher.Search(request with { Page = page }, CancellationToken.None).Next;
                cells.Add(next is null ? double.NaN : Fastest(() => searcher.Search(request with { After = next }, CancellationToken.None), rounds));
            }

            // cursor-end
            Console.WriteLine($"| {query ?? "(browse)"} | " + string.Join(" | ", cells.Select(c => c.ToString("F2", CultureInfo.InvariantCulture))) + " |");
        }
    }

    private static double Fastest(Action search, int rounds)
    {
        search(); // warm: texts cached, JIT settled for this shape
        search();
        var times = new List<double>(rounds);
        for (var i = 0; i < rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            search();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return times.Min();
    }
}
