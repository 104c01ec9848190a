namespace ReportArchive.Search;

/// <summary>
/// The reports a query matches before facet filters: their catalog indexes, ascending, with their scores (the first
/// <see cref="Count"/> of each array).
/// </summary>
internal sealed record ReportMatches(int[] Indexes, double[] Scores, int Count)
{
    public ReadOnlySpan<int> IndexSpan => Indexes.AsSpan(0, Count);

    /// <summary>Every report of a catalog of <paramref name="size"/>, score 0.</summary>
    public static ReportMatches All(int size)
    {
        var indexes = new int[size];
        for (var i = 0; i < size; i++)
        {
            indexes[i] = i;
        }

        return new ReportMatches(indexes, new double[size], size);
    }

    /// <summary>The matches that satisfy a test, in the same order.</summary>
    public ReportMatches Where(Func<int, bool> keep)
    {
        var indexes = new int[Count];
        var scores = new double[Count];
        var kept = 0;
        for (var i = 0; i < Count; i++)
        {
            if (keep(Indexes[i]))
            {
                indexes[kept] = Indexes[i];
                scores[kept++] = Scores[i];
            }
        }

        return new ReportMatches(indexes, scores, kept);
    }
}
