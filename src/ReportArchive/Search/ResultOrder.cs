using ReportArchive.Search.Catalog;
using ReportArchive.Search.Facets;

namespace ReportArchive.Search;

/// <summary>
/// Puts the matches that pass the facet filters in result order — by score (descending, then id) for a query, newest
/// first for browsing — without sorting more than the top that is asked for.
/// </summary>
internal static class ResultOrder
{
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
        return byScore ? BestScores(catalog, matches, filter, top) : Newest(catalog, matches, filter, top);
    }

    /// <summary>Every passing match in result order.</summary>
    public static List<(int Index, double Score)> All(CatalogSnapshot catalog, ReportMatches matches, CatalogFilter filter, bool byScore) =>
        Top(catalog, matches, filter, byScore, int.MaxValue);

    private static List<(int Index, double Score)> BestScores(CatalogSnapshot catalog, ReportMatches matches, CatalogFilter filter, int top)
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
                if (filter.Passes(matches.Indexes[i]))
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
            if (score < floor)
            {
                continue;
            }

            var index = indexes[i];
            if (!filter.Passes(index))
            {
                continue;
            }

            var priority = (score, catalog.IdAt(index));
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
