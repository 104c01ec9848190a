using System.Buffers;
using System.Runtime.ExceptionServices;

namespace ReportArchive.TextIndex;

/// <summary>
/// A consistent set of segments to search: exact AND/OR/NOT over every report (all matches, not the top k), with
/// BM25 scores. Immutable and thread-safe; a new snapshot is made when segments change.
/// </summary>
public sealed class TextIndexSnapshot
{
    /// <summary>From this many reports on, the segments are searched in parallel.</summary>
    private const int ParallelFrom = 16_384;

    private readonly IndexSegment[] _segments;
    private readonly bool _rangesOverlap;
    private readonly Bm25Scorer _scorer;

    public TextIndexSnapshot(IReadOnlyList<IndexSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        _segments = segments.Where(s => s.DocumentCount > 0).OrderBy(s => s.FirstReportId).ToArray();
        for (var i = 1; i < _segments.Length; i++)
        {
            _rangesOverlap |= _segments[i].FirstReportId <= _segments[i - 1].LastReportId;
        }

        TotalDocuments = _segments.Sum(s => s.DocumentCount);
        _scorer = new Bm25Scorer(
            TotalDocuments,
            _segments.Sum(s => s.TitleLengthSum),
            _segments.Sum(s => s.AgencyLengthSum),
            _segments.Sum(s => s.BodyLengthSum));
    }

    public static TextIndexSnapshot Empty { get; } = new([]);

    /// <summary>The segments, ascending by their first report id.</summary>
    public IReadOnlyList<IndexSegment> Segments => _segments;

    /// <summary>The reports indexed (deleted ones included until a merge drops them).</summary>
    public int TotalDocuments { get; }

    public IndexMatches Search(IndexQuery query, CancellationToken cancellationToken)
    {
        var (perSegment, needsVerification, _) = SearchSegments(query, null, cancellationToken);
        try
        {
            var total = perSegment.Sum(m => m?.Count ?? 0);
            var ids = new long[total];
            var scores = new double[total];
            var at = 0;
            for (var s = 0; s < _segments.Length; s++)
            {
                var segment = _segments[s];
                var matches = perSegment[s];
                for (var i = 0; i < (matches?.Count ?? 0); i++)
                {
                    ids[at] = segment.ReportId(matches!.Documents[i]);
                    scores[at] = matches.Scores[i];
                    at++;
                }
            }

            if (_rangesOverlap)
            {
                Array.Sort(ids, scores);
            }

            return new IndexMatches(ids, scores, needsVerification);
        }
        finally
        {
            Release(perSegment);
        }
    }

    /// <summary>
    /// The matches numbered as the caller numbers reports: a segment's local report <c>d</c> is
    /// <c>numbersOf(segment)[d]</c>, left out when negative (e.g. deleted since). Numbers must ascend with report ids,
    /// as the ids do; the result is ascending by number. Saves the caller a lookup of every matched id.
    /// </summary>
    /// <remarks>
    /// With <paramref name="statistics"/> (those an earlier search returned, for the same query), reports are scored as
    /// they were then; otherwise with this snapshot's, which the result carries.
    /// </remarks>
    /// <exception cref="ArgumentException">The statistics do not have one document frequency per term of the query.</exception>
    internal NumberedMatches Search(IndexQuery query, Func<IndexSegment, int[]> numbersOf, CancellationToken cancellationToken, ScoringStatistics? statistics = null)
    {
        ArgumentNullException.ThrowIfNull(numbersOf);
        var (perSegment, needsVerification, used) = SearchSegments(query, statistics, cancellationToken);
        try
        {
            var total = perSegment.Sum(m => m?.Count ?? 0);
            var numbers = ArrayPool<int>.Shared.Rent(Math.Max(1, total));
            var scores = ArrayPool<double>.Shared.Rent(Math.Max(1, total));
            var at = 0;
            for (var s = 0; s < _segments.Length; s++)
            {
                if (perSegment[s] is not { Count: > 0 } matches)
                {
                    continue;
                }

                var map = numbersOf(_segments[s]);
                var documents = matches.Documents;
                var segmentScores = matches.Scores;
                for (var i = 0; i < matches.Count; i++)
                {
                    var number = map[documents[i]];
                    numbers[at] = number;
                    scores[at] = segmentScores[i];
                    at += number >= 0 ? 1 : 0;
                }
            }

            if (_rangesOverlap)
            {
                Array.Sort(numbers, scores, 0, at);
            }

            return new NumberedMatches(numbers, scores, at, needsVerification, used);
        }
        finally
        {
            Release(perSegment);
        }
    }

    private (ScoredDocuments?[] PerSegment, bool NeedsVerification, ScoringStatistics Statistics) SearchSegments(
        IndexQuery query, ScoringStatistics? statistics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var needsVerification = false;
        var scorer = statistics is null
            ? _scorer
            : new Bm25Scorer(statistics.Documents, statistics.TitleLengths, statistics.AgencyLengths, statistics.BodyLengths);
        var frequencies = new List<long>();
        var required = new List<CompiledClause>();
        foreach (var clause in query.Required)
        {
            if (clause.Count == 0)
            {
                return (new ScoredDocuments?[_segments.Length], false, statistics ?? StatisticsOf(frequencies)); // a clause without alternatives matches nothing
            }

            var plans = clause.Select(TermPlan.Compile).ToArray();
            needsVerification |= plans.Any(p => !p.Exact);
            if (plans.Any(p => p.Kind == TermPlanKind.Unusable))
            {
                continue; // an alternative the index cannot express: the clause is no filter, verification decides
            }

            var idfs = new double[plans.Length];
            for (var i = 0; i < plans.Length; i++)
            {
                var frequency = statistics is null ? DocumentFrequency(plans[i]) : FrequencyAt(statistics, frequencies.Count);
                frequencies.Add(frequency);
                idfs[i] = scorer.Idf(frequency);
            }

            required.Add(new CompiledClause(plans, idfs));
        }

        var excluded = new List<TermPlan>();
        foreach (var term in query.Excluded.SelectMany(c => c))
        {
            var plan = TermPlan.Compile(term);
            if (plan.Exact)
            {
                excluded.Add(plan);
            }
            else
            {
                needsVerification = true; // excluding a superset would drop reports that match
            }
        }

        if (statistics is not null && statistics.DocumentFrequencies.Count != frequencies.Count)
        {
            throw new ArgumentException($"the statistics hold {statistics.DocumentFrequencies.Count} document frequencies; the query has {frequencies.Count} terms", nameof(statistics));
        }

        var perSegment = new ScoredDocuments?[_segments.Length];
        try
        {
            if (_segments.Length > 1 && TotalDocuments >= ParallelFrom && Environment.ProcessorCount > 1)
            {
                // Largest segments first, so the small ones fill in; each segment's search is independent.
                try
                {
                    Parallel.ForEach(
                        Enumerable.Range(0, _segments.Length).OrderByDescending(s => _segments[s].DocumentCount),
                        new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
                        s => perSegment[s] = new SegmentSearch(_segments[s], scorer, cancellationToken).Run(required, excluded));
                }
                catch (AggregateException exception) when (exception.InnerExceptions.Count > 0)
                {
                    ExceptionDispatchInfo.Capture(exception.InnerExceptions[0]).Throw(); // as the sequential search would
                }
            }
            else
            {
                for (var s = 0; s < _segments.Length; s++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    perSegment[s] = new SegmentSearch(_segments[s], scorer, cancellationToken).Run(required, excluded);
                }
            }

            return (perSegment, needsVerification, statistics ?? StatisticsOf(frequencies));
        }
        catch
        {
            Release(perSegment);
            throw;
        }
    }

    /// <summary>This snapshot's statistics with the document frequencies of a query's terms.</summary>
    private ScoringStatistics StatisticsOf(List<long> frequencies) => new(
        TotalDocuments, _segments.Sum(s => s.TitleLengthSum), _segments.Sum(s => s.AgencyLengthSum), _segments.Sum(s => s.BodyLengthSum), frequencies);

    private static long FrequencyAt(ScoringStatistics statistics, int term) =>
        term < statistics.DocumentFrequencies.Count
            ? statistics.DocumentFrequencies[term]
            : throw new ArgumentException($"the statistics hold {statistics.DocumentFrequencies.Count} document frequencies; the query has more terms", nameof(statistics));

    private static void Release(ScoredDocuments?[] perSegment)
    {
        foreach (var matches in perSegment)
        {
            matches?.Dispose();
        }
    }

    /// <summary>
    /// How many reports contain a normalised term, from the postings' headers alone (no positions read): exact for a
    /// two-character term, otherwise an upper bound (the rarest of its tokens). For IDF weights, e.g. keywords.
    /// </summary>
    public long DocumentFrequency(string normalizedTerm) => DocumentFrequency(TermPlan.Compile(normalizedTerm));

    /// <summary>The number of reports containing the term: exact for a one-token term, an upper bound otherwise.</summary>
    private long DocumentFrequency(TermPlan plan)
    {
        long sum = 0;
        foreach (var segment in _segments)
        {
            sum += new SegmentSearch(segment, _scorer, CancellationToken.None).Estimate(plan);
        }

        return sum;
    }
}
