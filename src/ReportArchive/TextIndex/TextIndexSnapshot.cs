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
        ArgumentNullException.ThrowIfNull(query);
        var needsVerification = false;
        var required = new List<CompiledClause>();
        foreach (var clause in query.Required)
        {
            if (clause.Count == 0)
            {
                return new IndexMatches([], [], false); // a clause without alternatives matches nothing
            }

            var plans = clause.Select(TermPlan.Compile).ToArray();
            needsVerification |= plans.Any(p => !p.Exact);
            if (plans.Any(p => p.Kind == TermPlanKind.Unusable))
            {
                continue; // an alternative the index cannot express: the clause is no filter, verification decides
            }

            required.Add(new CompiledClause(plans, plans.Select(p => _scorer.Idf(DocumentFrequency(p))).ToArray()));
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
                        s => perSegment[s] = new SegmentSearch(_segments[s], _scorer, cancellationToken).Run(required, excluded));
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
                    perSegment[s] = new SegmentSearch(_segments[s], _scorer, cancellationToken).Run(required, excluded);
                }
            }

            var total = perSegment.Sum(m => m!.Count);
            var ids = new long[total];
            var scores = new double[total];
            var at = 0;
            for (var s = 0; s < _segments.Length; s++)
            {
                var segment = _segments[s];
                var matches = perSegment[s]!;
                for (var i = 0; i < matches.Count; i++)
                {
                    ids[at] = segment.ReportId(matches.Documents[i]);
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
            foreach (var matches in perSegment)
            {
                matches?.Dispose();
            }
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
