using ReportArchive.Search.Catalog;
using ReportArchive.Search.Facets;

namespace ReportArchive.Search;

/// <summary>
/// Puts the matches that pass the facet filters in result order without sorting more than the top that is asked for.
/// Every order is total and a function of the matches alone, never of the page asked: <see cref="Page"/> gives pages
/// as slices of it, or the results right after a cursor's position. Relevance: the best <see cref="RescoreWindow"/>
/// by BM25 (score descending, then id) are re-ranked by match tier (tier descending, then score, then id), every
/// other match follows in BM25 order. <see cref="Top"/> and <see cref="All"/> give the BM25 order alone (by score,
/// then id) or the browse order (newest first).
/// </summary>
internal static class ResultOrder
{
    /// <summary>
    /// How many of the best BM25 candidates are re-ranked by their text: a fixed number, so the order does not depend
    /// on the page asked. Two pages of the web page's 20. A text not kept from an earlier search costs a read,
    /// decompressed and normalised (~50–100 µs): at 100 the re-ranking alone was 6–10 ms of a search at 100,000 reports.
    /// </summary>
    public const int RescoreWindow = 40;

    /// <summary>
    /// The page of the order of <paramref name="sort"/> that starts <paramref name="skip"/> results after its
    /// beginning, or (with <paramref name="after"/>) right after the cursor's position: up to <paramref name="take"/>
    /// results, whether more follow, and (relevance) the end of the re-ranked window in BM25 terms.
    /// <paramref name="tiersOf"/> gives the match tiers of the window's reports.
    /// </summary>
    public static OrderedPage Page(
        CatalogSnapshot catalog, ReportMatches matches, CatalogFilter filter, SearchSort sort, int skip, int take, ResultCursor? after,
        Func<IReadOnlyList<(int Index, double Score)>, int[]> tiersOf)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(matches);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(sort);
        ArgumentNullException.ThrowIfNull(tiersOf);
        return sort == SearchSort.Relevance
            ? ByRelevance(catalog, matches, filter, skip, take, after, tiersOf)
            : InCatalogOrder(catalog, matches, filter, sort, skip, take, after?.Last);
    }

    private static OrderedPage ByRelevance(
        CatalogSnapshot catalog, ReportMatches matches, CatalogFilter filter, int skip, int take, ResultCursor? after,
        Func<IReadOnlyList<(int Index, double Score)>, int[]> tiersOf)
    {
        List<RankedMatch> ranked;
        (double Score, long Id)? windowEnd;
        if (after is null)
        {
            var top = BestScores(catalog, matches, filter, (int)Math.Min(int.MaxValue, Math.Max(RescoreWindow, (long)skip + take + 1)), below: null);
            var window = top.GetRange(0, Math.Min(RescoreWindow, top.Count));
            windowEnd = window.Count == 0 ? null : (window[^1].Score, catalog.IdAt(window[^1].Index));
            ranked = Ranked(catalog, window, tiersOf(window));
            ranked.AddRange(top.Skip(window.Count).Select(m => Outside(catalog, m)));
        }
        else
        {
            // The window is what was the window then: the matches scoring at least as its last (scored as they were then).
            windowEnd = after.WindowEnd ?? throw new InvalidCursorException("the token is damaged");
            var last = after.Last;
            if (last.InWindow)
            {
                var window = AtLeast(catalog, matches, filter, windowEnd.Value);
                ranked = Ranked(catalog, window, tiersOf(window)).FindAll(r => CompareInWindow(r.Position, last) > 0);
                if (ranked.Count <= take)
                {
                    ranked.AddRange(BestScores(catalog, matches, filter, take + 1 - ranked.Count, below: windowEnd).Select(m => Outside(catalog, m)));
                }
            }
            else
            {
                ranked = BestScores(catalog, matches, filter, take + 1, below: (last.Score, last.Id)).ConvertAll(m => Outside(catalog, m));
            }
        }

        var page = ranked.Skip(skip).Take(take).ToList();
        return new OrderedPage(page, ranked.Count > skip + take, windowEnd);
    }

    /// <summary>The window's matches in window order: tier descending, then score descending, then id.</summary>
    private static List<RankedMatch> Ranked(CatalogSnapshot catalog, IReadOnlyList<(int Index, double Score)> window, int[] tiers)
    {
        var ranked = new List<RankedMatch>(window.Count);
        for (var i = 0; i < window.Count; i++)
        {
            var (index, score) = window[i];
            ranked.Add(new RankedMatch(index, score, new ResultPosition(true, tiers[i], score, catalog[index].Year, catalog.IdAt(index))));
        }

        ranked.Sort((a, b) => CompareInWindow(a.Position, b.Position));
        return ranked;
    }

    private static RankedMatch Outside(CatalogSnapshot catalog, (int Index, double Score) match) =>
        new(match.Index, match.Score, new ResultPosition(false, 0, match.Score, catalog[match.Index].Year, catalog.IdAt(match.Index)));

    /// <summary>Negative when <paramref name="a"/> comes first in the window: higher tier, then higher score, then lower id.</summary>
    private static int CompareInWindow(ResultPosition a, ResultPosition b)
    {
        var byTier = b.Tier.CompareTo(a.Tier);
        if (byTier != 0)
        {
            return byTier;
        }

        var byScore = b.Score.CompareTo(a.Score);
        return byScore != 0 ? byScore : a.Id.CompareTo(b.Id);
    }

    /// <summary>The passing matches whose (score, id) is not worse than <paramref name="floor"/>.</summary>
    private static List<(int Index, double Score)> AtLeast(CatalogSnapshot catalog, ReportMatches matches, CatalogFilter filter, (double Score, long Id) floor)
    {
        var found = new List<(int Index, double Score)>();
        for (var i = 0; i < matches.Count; i++)
        {
            var index = matches.Indexes[i];
            if (matches.Scores[i] >= floor.Score && Worse((matches.Scores[i], catalog.IdAt(index)), floor) >= 0 && filter.Passes(index))
            {
                found.Add((index, matches.Scores[i]));
            }
        }

        return found;
    }

    /// <summary>
    /// The pages of the orders that do not depend on the query (year, id): a walk down a sequence of catalog indexes
    /// in that order, from the start or from the first position after <paramref name="after"/> (binary search),
    /// keeping the matches that pass.
    /// </summary>
    private static OrderedPage InCatalogOrder(
        CatalogSnapshot catalog, ReportMatches matches, CatalogFilter filter, SearchSort sort, int skip, int take, ResultPosition? after)
    {
        var newest = catalog.NewestFirst;
        var count = catalog.Count;
        var undated = 0;
        while (sort == SearchSort.Year && undated < count && catalog[newest[count - 1 - undated]].Year is null)
        {
            undated++; // the browse order holds them last
        }

        // The sequence: -year is the catalog's browse order; year is it reversed with the reports without a year kept
        // last (their ids ascending); id is the catalog itself (ids ascend).
        Func<int, int> at = sort == SearchSort.YearDescending ? j => newest[j]
            : sort == SearchSort.Year ? j => j < count - undated ? newest[count - undated - 1 - j] : newest[count - 1 - (j - (count - undated))]
            : j => j;
        Comparison<ResultPosition> compare = sort == SearchSort.YearDescending ? NewestFirst : sort == SearchSort.Year ? OldestFirst : (a, b) => a.Id.CompareTo(b.Id);
        ResultPosition PositionAt(int j)
        {
            var index = at(j);
            return new ResultPosition(false, 0, 0, catalog[index].Year, catalog.IdAt(index));
        }

        var start = 0;
        if (after is { } last)
        {
            var high = count;
            while (start < high)
            {
                var middle = start + ((high - start) / 2);
                if (compare(PositionAt(middle), last) <= 0)
                {
                    start = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }
        }

        var member = matches.Count == count ? null : new bool[count];
        if (member is not null)
        {
            foreach (var index in matches.IndexSpan)
            {
                member[index] = true;
            }
        }

        double ScoreOf(int index)
        {
            var i = Array.BinarySearch(matches.Indexes, 0, matches.Count, index); // the indexes ascend
            return i >= 0 ? matches.Scores[i] : 0;
        }

        var page = new List<RankedMatch>(Math.Min(take, matches.Count));
        var passed = 0;
        for (var j = start; j < count; j++)
        {
            var index = at(j);
            if ((member is not null && !member[index]) || !filter.Passes(index))
            {
                continue;
            }

            if (passed++ < skip)
            {
                continue;
            }

            if (page.Count == take)
            {
                return new OrderedPage(page, true, null);
            }

            page.Add(new RankedMatch(index, ScoreOf(index), PositionAt(j)));
        }

        return new OrderedPage(page, false, null);
    }

    /// <summary>Negative when <paramref name="a"/> comes first: the higher year, reports without one last, then the higher id.</summary>
    private static int NewestFirst(ResultPosition a, ResultPosition b)
    {
        var byYear = (b.Year ?? int.MinValue).CompareTo(a.Year ?? int.MinValue);
        return byYear != 0 ? byYear : b.Id.CompareTo(a.Id);
    }

    /// <summary>Negative when <paramref name="a"/> comes first: the lower year, reports without one last, then the lower id.</summary>
    private static int OldestFirst(ResultPosition a, ResultPosition b)
    {
        var byYear = (a.Year ?? int.MaxValue).CompareTo(b.Year ?? int.MaxValue);
        return byYear != 0 ? byYear : a.Id.CompareTo(b.Id);
    }

    /// <summary>The first <paramref name="top"/> results in order (catalog index and score) and the total that pass.</summary>
    public static (List<(int Index, double Score)> Top, int Total) Take(
        CatalogSnapshot catalog, ReportMatches matches, CatalogFilter filter, bool byScore, int top)
    {
        ArgumentNullException.ThrowIfNull(matches);
        ArgumentNullException.ThrowIfNull(filter);
        var total = 0;
        for (var i = 0; i < matches.Count; i++)
        {
            total += filter.Passes(matches.Indexes[i]) ? 1 : 0;
        }

        return (Top(catalog, matches, filter, byScore, top), total);
    }

    /// <summary>The first <paramref name="top"/> results in order (catalog index and score); the total is the facet tally's.</summary>
    public static List<(int Index, double Score)> Top(CatalogSnapshot catalog, ReportMatches matches, CatalogFilter filter, bool byScore, int top)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(matches);
        ArgumentNullException.ThrowIfNull(filter);
        return byScore ? BestScores(catalog, matches, filter, top, below: null) : Newest(catalog, matches, filter, top);
    }

    /// <summary>Every passing match in result order.</summary>
    public static List<(int Index, double Score)> All(CatalogSnapshot catalog, ReportMatches matches, CatalogFilter filter, bool byScore) =>
        Top(catalog, matches, filter, byScore, int.MaxValue);

    /// <summary>The best <paramref name="top"/> passing matches by (score, id); with <paramref name="below"/>, among those worse than it only.</summary>
    private static List<(int Index, double Score)> BestScores(CatalogSnapshot catalog, ReportMatches matches, CatalogFilter filter, int top, (double Score, long Id)? below)
    {
        if (top <= 0)
        {
            return [];
        }

        if (top >= matches.Count)
        {
            // everything is wanted (statistics, exports): one sort beats a heap of every match
            var all = new List<(int Index, double Score)>(matches.Count);
            for (var i = 0; i < matches.Count; i++)
            {
                if (filter.Passes(matches.Indexes[i]) && IsBelow((matches.Scores[i], catalog.IdAt(matches.Indexes[i])), below))
                {
                    all.Add((matches.Indexes[i], matches.Scores[i]));
                }
            }

            all.Sort((a, b) => -Worse((a.Score, catalog.IdAt(a.Index)), (b.Score, catalog.IdAt(b.Index))));
            return all;
        }

        // a min-heap of the best so far; once it is full, a match scoring below its root is rejected by one comparison,
        // before its filters are even looked at
        var heap = new PriorityQueue<(int Index, double Score), (double Score, long Id)>(top + 1, Comparer<(double Score, long Id)>.Create(Worse));
        var floor = double.NegativeInfinity;
        var indexes = matches.Indexes;
        var scores = matches.Scores;
        for (var i = 0; i < matches.Count; i++)
        {
            var score = scores[i];
            if (score < floor || (below is { } bound && score > bound.Score))
            {
                continue;
            }

            var index = indexes[i];
            var priority = (score, catalog.IdAt(index));
            if (!IsBelow(priority, below) || !filter.Passes(index))
            {
                continue;
            }

            if (heap.Count < top)
            {
                heap.Enqueue((index, score), priority);
            }
            else if (Worse(PeekPriority(heap), priority) < 0)
            {
                heap.EnqueueDequeue((index, score), priority);
            }
            else
            {
                continue;
            }

            if (heap.Count == top)
            {
                floor = PeekPriority(heap).Score;
            }
        }

        var best = new List<(int Index, double Score)>(heap.Count);
        while (heap.Count > 0)
        {
            best.Add(heap.Dequeue());
        }

        best.Reverse();
        return best;
    }

    private static (double Score, long Id) PeekPriority(PriorityQueue<(int Index, double Score), (double Score, long Id)> heap)
    {
        heap.TryPeek(out _, out var priority);
        return priority;
    }

    private static bool IsBelow((double Score, long Id) match, (double Score, long Id)? bound) => bound is not { } b || Worse(match, b) < 0;

    /// <summary>Orders the worse result first: lower score, then higher id.</summary>
    private static int Worse((double Score, long Id) a, (double Score, long Id) b)
    {
        var byScore = a.Score.CompareTo(b.Score);
        return byScore != 0 ? byScore : b.Id.CompareTo(a.Id);
    }

    /// <summary>The browse order's first passing matches: a walk down the catalog's newest-first order that stops at <paramref name="top"/>.</summary>
    private static List<(int Index, double Score)> Newest(CatalogSnapshot catalog, ReportMatches matches, CatalogFilter filter, int top)
    {
        var member = matches.Count == catalog.Count ? null : new bool[catalog.Count];
        if (member is not null)
        {
            foreach (var index in matches.IndexSpan)
            {
                member[index] = true;
            }
        }

        var result = new List<(int Index, double Score)>(Math.Min(top, matches.Count));
        foreach (var index in catalog.NewestFirst)
        {
            if (result.Count >= top)
            {
                break;
            }

            if ((member is null || member[index]) && filter.Passes(index))
            {
                result.Add((index, 0));
            }
        }

        return result;
    }
}

/// <summary>A page of an order: its results, whether more follow, and (relevance) the end of the re-ranked window.</summary>
internal sealed record OrderedPage(List<RankedMatch> Results, bool More, (double Score, long Id)? WindowEnd);

/// <summary>A result: its catalog index, its BM25 score (0 when browsing) and its position in the order.</summary>
internal readonly record struct RankedMatch(int Index, double Score, ResultPosition Position);
