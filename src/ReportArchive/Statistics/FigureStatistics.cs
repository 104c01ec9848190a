using ReportArchive.Search.Catalog;
using ReportArchive.Storage;

namespace ReportArchive.Statistics;

/// <summary>
/// Sum, mean, minimum and maximum of one figure or rate over a set of reports (the matches of a search), per
/// group. Groups are ordered by year ascending for <see cref="StatisticsGrouping.Year"/>, otherwise by the number
/// of reports (descending), then by name; reports without a group value come last in a group whose value is null.
/// </summary>
public sealed class FigureStatistics(ReportStore store)
{
    public IReadOnlyList<GroupStatistics> Compute(
        IReadOnlyList<CatalogEntry> reports, StatisticsFigure figure, StatisticsGrouping groupBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(figure);
        cancellationToken.ThrowIfCancellationRequested();
        var groups = new Dictionary<string, Accumulator>(StringComparer.Ordinal);
        var ungrouped = new Accumulator(null);
        using var connection = store.Database.OpenConnection();
        using var snapshot = connection.BeginTransaction(deferred: true);
        var columns = figure.RequiredKeys.Select(key => (Key: key, Column: store.FigureColumns.Column(connection, key))).ToList();
        var figures = new Dictionary<string, decimal?>(columns.Count, StringComparer.Ordinal);
        for (var r = 0; r < reports.Count; r++)
        {
            if ((r & 4095) == 4095)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var report = reports[r];
            foreach (var (key, column) in columns)
            {
                figures[key] = column.ValueOf(report.Id);
            }

            var value = figure.Evaluate(figures);
            var keys = GroupValues(report, groupBy);
            if (keys.Count == 0)
            {
                ungrouped.Add(value);
            }

            foreach (var key in keys)
            {
                if (!groups.TryGetValue(key, out var accumulator))
                {
                    groups[key] = accumulator = new Accumulator(key);
                }

                accumulator.Add(value);
            }
        }

        var ordered = groupBy == StatisticsGrouping.Year
            ? groups.Values.OrderBy(g => int.Parse(g.Group!, System.Globalization.CultureInfo.InvariantCulture))
            : groups.Values.OrderByDescending(g => g.Reports).ThenBy(g => g.Group, StringComparer.Ordinal);
        var result = ordered.Select(g => g.ToStatistics()).ToList();
        if (ungrouped.Reports > 0)
        {
            result.Add(ungrouped.ToStatistics());
        }

        return result;
    }

    private static IReadOnlyList<string> GroupValues(CatalogEntry report, StatisticsGrouping groupBy)
    {
        string? single = groupBy switch
        {
            StatisticsGrouping.Year => report.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            StatisticsGrouping.Province => report.Province,
            StatisticsGrouping.City => report.City,
            StatisticsGrouping.Level => report.Level,
            _ => null,
        };
        return groupBy == StatisticsGrouping.AgencyType
            ? report.AgencyTypes.Distinct(StringComparer.Ordinal).ToList()
            : single is null ? [] : [single];
    }

    private sealed class Accumulator(string? group)
    {
        private decimal _sum;
        private decimal? _min;
        private decimal? _max;

        public string? Group { get; } = group;

        public int Reports { get; private set; }

        private int _withFigure;
        private int _zeroDenominator;

        public void Add(FigureValue value)
        {
            Reports++;
            if (value.ZeroDenominator)
            {
                _zeroDenominator++;
            }
            else if (value.Value is { } v)
            {
                _withFigure++;
                _sum += v;
                _min = _min is { } min && min <= v ? min : v;
                _max = _max is { } max && max >= v ? max : v;
            }
        }

        public GroupStatistics ToStatistics() => _withFigure == 0
            ? new GroupStatistics(Group, Reports, 0, _zeroDenominator, null, null, null, null)
            : new GroupStatistics(Group, Reports, _withFigure, _zeroDenominator, _sum,
                Math.Round(_sum / _withFigure, DerivedRate.Decimals, MidpointRounding.ToEven), _min, _max);
    }
}
