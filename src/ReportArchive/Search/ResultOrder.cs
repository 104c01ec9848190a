using ReportArchive.Search.Catalog;
using ReportArchive.Search.Facets;

namespace ReportArchive.Search;

/// <summary>
/// Puts the matches that pass the facet filters in result order — by score (descending, then id) for a query, newest
/// first for browsing — and counts them, without sorting more than the top that is asked for.
/// </summary>
internal static class ResultOrder
{
    /// <summary>The first <paramref name="top"/> results in order (catalog index and score) and the total that pass.</summary>
    public static (List<(int Index, double Score)> Top, int Total) Take(
        CatalogSnapshot catalog, ReportMatches matches, CatalogFilter filter, bool byScore, int top)
    {
        return byScore ? BestScores(catalog, matches, filter, top) : Newest(catalog, matches, filter, top);
    }

    /// <summary>Every passing match in result order.</summary>
    public static List<(int Index, double Score)> All(CatalogSnapshot catalog, ReportMatches matches, CatalogFilter filter, bool byScore) =>
        Take(catalog, matches, filter, byScore, int.MaxValue).Top;

    private static (List<(int Index, double Score)>, int) BestScores(
        CatalogSnapshot catalog, ReportMatches matches, CatalogFilter filter, int top)
    {
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
            return (all, all.Count);
        }

        // a min-heap of the best so far: most matches are rejected by one comparison with its root
        var heap = new PriorityQueue<(int Index, double Score), (double Score, long Id)>(Comparer<(double Score, long Id)>.Create(Worse));
        var total = 0;
        for (var i = 0; i < matches.Count; i++)
        {
            var index = matches.Indexes[i];
            if (!filter.Passes(index))
            {
                continue;
            }

            total++;
            var priority = (matches.Scores[i], catalog.IdAt(index));
            if (heap.Count < top)
            {
                heap.Enqueue((index, matches.Scores[i]), priority);
            }
            else if (heap.TryPeek(out _, out var worst) && Worse(worst, priority) < 0)
            {
                heap.EnqueueDequeue((index, matches.Scores[i]), priority);
            }
        }

        var best = new List<(int Index, double Score)>(heap.Count);
        while (heap.Count > 0)
        {
            best.Add(heap.Dequeue());
        }

        best.Reverse();
        return (best, total);
    }

    /// <summary>Orders the worse result first: lower score, then higher id.</summary>
    private static int Worse((double Score, long Id) a, (double Score, long Id) b)
    {
        var byScore = a.Score.CompareTo(b.Score);
        return byScore != 0 ? byScore : b.Id.CompareTo(a.Id);
    }

    private static (List<(int Index, double Score)>, int) Newest(CatalogSnapshot catalog, ReportMatches matches, CatalogFilter filter, int top)
    {
        var all = matches.Count == catalog.Count;
        var member = all ? null : new bool[catalog.Count];
        if (member is not null)
        {
            foreach (var index in matches.IndexSpan)
            {
                member[index] = true;
            }
        }

        var result = new List<(int Index, double Score)>(Math.Min(top, matches.Count));
        var total = 0;
        foreach (var index in catalog.NewestFirst)
        {
            if ((member is null || member[index]) && filter.Passes(index))
            {
                if (total++ < top)
                {
                    result.Add((index, 0));
                }
            }
        }

        return (result, total);
    }
}
