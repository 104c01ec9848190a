using System.Runtime.CompilerServices;

namespace ReportArchive.Storage;

/// <summary>
/// One figure across the archive: the reports that give it (ascending ids) and, at the same index, its value — the
/// first <see cref="Count"/> entries of arrays that longer columns appended from this one may share (they write past
/// this count), so the arrays are never read past it.
/// </summary>
public sealed class FigureColumn
{
    private readonly long[] _ids;
    private readonly decimal[] _values;

    /// <summary>How far the shared arrays are written, by the longest column on them.</summary>
    private readonly StrongBox<int> _filled;

    private FigureColumn(long[] ids, decimal[] values, int count, StrongBox<int> filled)
    {
        _ids = ids;
        _values = values;
        Count = count;
        _filled = filled;
    }

    public static FigureColumn Empty => new([], [], 0, new StrongBox<int>(0));

    public int Count { get; }

    /// <summary>The reports that give the figure, ascending.</summary>
    public ReadOnlySpan<long> Ids => _ids.AsSpan(0, Count);

    /// <summary>The values, at the index of their report in <see cref="Ids"/>.</summary>
    public ReadOnlySpan<decimal> Values => _values.AsSpan(0, Count);

    /// <summary>The largest report id read into the column (0 when none).</summary>
    internal long LastId => Count == 0 ? 0 : _ids[Count - 1];

    /// <summary>The report's value of this figure, or null when the report does not give it.</summary>
    public decimal? ValueOf(long reportId)
    {
        var index = Ids.BinarySearch(reportId);
        return index < 0 ? null : _values[index];
    }

    /// <summary>
    /// This column with reports of higher ids appended: written into the same arrays when they have room and no longer
    /// column wrote past this one, into arrays twice as large otherwise (amortised: no copy of the whole column per
    /// append). Not thread-safe: callers append under one lock.
    /// </summary>
    internal FigureColumn Append(IReadOnlyList<(long Id, decimal Value)> added)
    {
        if (added.Count == 0)
        {
            return this;
        }

        var count = Count + added.Count;
        var (ids, values, filled) = (_ids, _values, _filled);
        if (count > ids.Length || filled.Value != Count)
        {
            ids = new long[Math.Max(count, ids.Length * 2)];
            values = new decimal[ids.Length];
            filled = new StrongBox<int>(Count);
            Array.Copy(_ids, ids, Count);
            Array.Copy(_values, values, Count);
        }

        for (var i = 0; i < added.Count; i++)
        {
            ids[Count + i] = added[i].Id;
            values[Count + i] = added[i].Value;
        }

        filled.Value = count;
        return new FigureColumn(ids, values, count, filled);
    }
}
