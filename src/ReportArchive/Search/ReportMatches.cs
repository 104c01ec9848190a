using System.Buffers;

namespace ReportArchive.Search;

/// <summary>
/// The reports a query matches before facet filters: their catalog indexes, ascending, with their scores (the first
/// <see cref="Count"/> of each array). Matches of a query hold arrays rented from the shared pool, returned by
/// <see cref="Dispose"/>; <see cref="All"/>'s are ordinary arrays, kept across searches, never returned.
/// </summary>
internal sealed class ReportMatches : IDisposable
{
    private readonly bool _rented;
    private bool _returned;

    private ReportMatches(int[] indexes, double[] scores, int count, bool rented)
    {
        Indexes = indexes;
        Scores = scores;
        Count = count;
        _rented = rented;
    }

    public int[] Indexes { get; private set; }

    public double[] Scores { get; private set; }

    public int Count { get; private set; }

    public ReadOnlySpan<int> IndexSpan => Indexes.AsSpan(0, Count);

    /// <summary>Matches in arrays rented from <c>ArrayPool.Shared</c>, which they now own.</summary>
    public static ReportMatches Rented(int[] indexes, double[] scores, int count) => new(indexes, scores, count, rented: true);

    /// <summary>Matches in ordinary arrays (never returned to a pool).</summary>
    public static ReportMatches Of(int[] indexes, double[] scores, int count) => new(indexes, scores, count, rented: false);

    /// <summary>Every report of a catalog of <paramref name="size"/>, score 0.</summary>
    public static ReportMatches All(int size)
    {
        var indexes = new int[size];
        for (var i = 0; i < size; i++)
        {
            indexes[i] = i;
        }

        return Of(indexes, new double[size], size);
    }

    /// <summary>The matches that satisfy a test, in the same order (new arrays; this one is left as it is).</summary>
    public ReportMatches Where(Func<int, bool> keep)
    {
        var indexes = ArrayPool<int>.Shared.Rent(Math.Max(1, Count));
        var scores = ArrayPool<double>.Shared.Rent(Math.Max(1, Count));
        var kept = 0;
        for (var i = 0; i < Count; i++)
        {
            if (keep(Indexes[i]))
            {
                indexes[kept] = Indexes[i];
                scores[kept++] = Scores[i];
            }
        }

        return Rented(indexes, scores, kept);
    }

    public void Dispose()
    {
        if (_rented && !_returned)
        {
            _returned = true;
            ArrayPool<int>.Shared.Return(Indexes);
            ArrayPool<double>.Shared.Return(Scores);
            Indexes = [];
            Scores = [];
            Count = 0;
        }
    }
}
