using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using ReportArchive.Analysis.Normalization;
using ReportArchive.Analysis.Segmentation;
using ReportArchive.Analysis.Synonyms;
using ReportArchive.Search.Catalog;
using ReportArchive.Search.Facets;
using ReportArchive.Search.Highlighting;
using ReportArchive.Search.Ranking;
using ReportArchive.Storage;
using ReportArchive.TextIndex;

namespace ReportArchive.Search;

/// <summary>
/// Runs a search: the text index finds the candidates and scores them (BM25, title and agency weighted up),
/// candidates that the index cannot decide are verified against their normalised text, then filters, facet counts,
/// the top of the order, the page and its snippets. The result is exact: a report matches when its normalised text
/// satisfies the query. Kept between searches, none of which changes a result: the text index snapshot while the
/// generation holds, the whole catalog's facet counts per filter set, and the texts of recently re-ranked and shown
/// reports, normalised, with their match tiers (bounded by <c>textCacheBytes</c>).
/// </summary>
public sealed class Searcher(ReportStore store, ReportCatalog catalog, WordSegmenter? segmenter = null, long textCacheBytes = Searcher.DefaultTextCacheBytes)
{
    private const int VerificationChunk = 256;

    /// <summary>
    /// The default bound of the texts kept normalised between searches (re-ranked and shown reports, with their match
    /// tiers for the last queries): 80 MiB, about 4,000 reports of 1,700 characters, 100 searches' re-ranking windows.
    /// </summary>
    public const long DefaultTextCacheBytes = 80L << 20;

    /// <summary>Re-ranking normalises its texts in parallel from this many texts that are not yet normalised.</summary>
    private const int ParallelNormalizationFrom = 8;

    private readonly ReportTextCache _texts = new(textCacheBytes);
    private readonly WholeCatalogTallies _wholeCatalog = new();
    private readonly SegmentCatalogIndexes _segmentIndexes = new();
    private StrongBox<(long Generation, TextIndexSnapshot Index)>? _index;
    private ReportMatches? _everyReport;
    private readonly MatchRescorer _rescorer = new(segmenter ?? WordSegmenter.Default, TemplateBoilerplate.Default);

    /// <summary>The query parser of this archive (its segmenter includes the user dictionaries).</summary>
    public QueryParser Parser { get; } = new(segmenter ?? WordSegmenter.Default, SynonymTable.Default);

    /// <summary>
    /// One page of the search's total order (<see cref="SearchSort"/>): page <see cref="SearchRequest.Page"/>, or with
    /// <see cref="SearchRequest.After"/> the page after the one whose <see cref="SearchResult.Next"/> it is.
    /// </summary>
    /// <exception cref="InvalidCursorException"><see cref="SearchRequest.After"/> is not a token of this search.</exception>
    public SearchResult Search(SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var query = Parser.Parse(request.Query);
        var sort = SearchSort.Effective(request.Sort, hasQuery: !query.IsEmpty);
        var search = ResultCursor.SearchOf(request, sort);
        var after = request.After is null ? null : ResultCursor.Decode(request.After, search);
        using var connection = store.Database.OpenConnection();
        var (snapshot, reports) = catalog.BeginView(connection); // one consistent view: index, catalog and texts
        using var view = snapshot;
        var (found, statistics) = FindMatches(connection, snapshot, reports, query, request.Filters, after?.Statistics, cancellationToken);
        using var matches = found;
        Func<IReadOnlyCollection<long>, IReadOnlyDictionary<long, string>> readTexts = ids => store.GetTexts(connection, ids);
        var matchMs = Lap(clock);
        var filter = new CatalogFilter(reports, request.Filters);
        var tally = FacetCounter.Tally(reports, matches.IndexSpan, request.Filters, filter, _wholeCatalog);
        var facets = tally.ToFacets(reports);
        var facetsMs = Lap(clock);
        Dictionary<long, ReportText>? texts = null;
        var rescoring = new Stopwatch();
        int[] TiersOf(IReadOnlyList<(int Index, double Score)> window)
        {
            rescoring.Start();
            (texts, var tiers) = Rescore(query, reports, window, readTexts);
            rescoring.Stop();
            return tiers;
        }

        var skip = after is null ? (int)Math.Min(int.MaxValue / 2, (long)(Math.Max(1, request.Page) - 1) * request.PageSize) : 0;
        var ordered = ResultOrder.Page(reports, matches, filter, sort, skip, request.PageSize, after, TiersOf);
        var rescoreMs = Math.Round(rescoring.Elapsed.TotalMilliseconds, 3);
        var orderMs = Math.Max(0, Lap(clock) - rescoreMs);
        var page = ordered.Results;
        var terms = query.Required.SelectMany(c => c.Alternatives).Select(t => t.Normalized).Distinct().ToList();
        if (texts is null || page.Exists(m => !texts.ContainsKey(reports.IdAt(m.Index))))
        {
            texts = _texts.Get(reports.Generation, page.ConvertAll(m => reports.IdAt(m.Index)), readTexts);
        }

        var shown = page.Select(m => reports.IdAt(m.Index)).Where(texts.ContainsKey).ToDictionary(id => id, id => texts[id].Original);
        var cells = store.GetFigureSources(connection, shown);
        var hits = page.ConvertAll(m => ToHit(reports[m.Index], m.Score, texts.GetValueOrDefault(reports.IdAt(m.Index)), terms, cells.GetValueOrDefault(reports.IdAt(m.Index))));
        var snippetsMs = Lap(clock);
        var pageNumber = after is null ? request.Page : after.Page + 1;
        var next = ordered.More && page.Count > 0
            ? new ResultCursor(sort, pageNumber, sort == SearchSort.Relevance ? statistics : null, ordered.WindowEnd, page[^1].Position).Encode(search)
            : null;
        var timings = new SearchTimings(matchMs, facetsMs, orderMs, rescoreMs, snippetsMs);
        var excluded = ExcludedCounts(connection, snapshot, query, reports, cancellationToken);
        return new SearchResult(QueryView.From(query, excluded), tally.Passing, pageNumber, request.PageSize, sort.Name, next,
            Math.Round(matchMs + facetsMs + orderMs + rescoreMs + snippetsMs, 2), hits, facets, timings);
    }

    /// <summary>
    /// For each excluded clause: how many reports of the archive contain it (searched on its own), and whether the
    /// template's fixed wording holds it, so an answer can say why excluding it leaves next to nothing.
    /// </summary>
    private List<ExcludedTermView> ExcludedCounts(
        SqliteConnection connection, SqliteTransaction snapshot, SearchQuery query, CatalogSnapshot reports, CancellationToken cancellationToken)
    {
        var views = new List<ExcludedTermView>();
        foreach (var clause in query.Excluded)
        {
            var (matches, _) = FindQueryMatches(connection, snapshot, new SearchQuery([clause with { Excluded = false }], []), reports, null, cancellationToken);
            using (matches)
            {
                var inTemplate = clause.Alternatives.Any(t => TemplateBoilerplate.Default.Wording.Any(w => w.Contains(t.Normalized, StringComparison.Ordinal)));
                views.Add(new ExcludedTermView(string.Join(" OR ", clause.Alternatives.Where(t => t.Kind != QueryTermKind.Synonym).Select(t => t.Text)), matches.Count, reports.Count, inTemplate));
            }
        }

        return views;
    }

    private static double Lap(Stopwatch clock)
    {
        var ms = Math.Round(clock.Elapsed.TotalMilliseconds, 3);
        clock.Restart();
        return ms;
    }

    /// <summary>Every report that matches the query and the filters, by BM25 (score, then id) or newest first (for statistics and exports).</summary>
    public IReadOnlyList<CatalogEntry> FindAll(string? queryText, SearchFilters filters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var query = Parser.Parse(queryText);
        using var connection = store.Database.OpenConnection();
        var (snapshot, reports) = catalog.BeginView(connection);
        using var view = snapshot;
        using var matches = FindMatches(connection, snapshot, reports, query, filters, null, cancellationToken).Matches;
        return ResultOrder.All(reports, matches, new CatalogFilter(reports, filters), byScore: !query.IsEmpty)
            .ConvertAll(m => reports[m.Index]);
    }

    /// <summary>The match tiers (<see cref="MatchFeatures"/>) of the re-ranked window's reports, and the texts it read.</summary>
    private (Dictionary<long, ReportText> Texts, int[] Tiers) Rescore(
        SearchQuery query, CatalogSnapshot reports, IReadOnlyList<(int Index, double Score)> window,
        Func<IReadOnlyCollection<long>, IReadOnlyDictionary<long, string>> readTexts)
    {
        var texts = _texts.Get(reports.Generation, window.Select(m => reports.IdAt(m.Index)).ToList(), readTexts);
        var tiers = new int[window.Count];
        var key = MatchRescorer.FeatureKey(query);
        Func<string, int> tierOf = normalized => _rescorer.Features(query, normalized).Tier;
        int Tier(int i) => texts.TryGetValue(reports.IdAt(window[i].Index), out var text) ? text.TierFor(key, tierOf) : tierOf("");
        if (texts.Values.Count(t => !t.IsNormalized) >= ParallelNormalizationFrom)
        {
            Parallel.For(0, window.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => tiers[i] = Tier(i));
        }
        else
        {
            for (var i = 0; i < window.Count; i++)
            {
                tiers[i] = Tier(i);
            }
        }

        return (texts, tiers);
    }

    /// <summary>
    /// The reports of the view (<paramref name="reports"/>, read in <paramref name="snapshot"/>) matching the query and
    /// the figure conditions, publication ranges and source sites, with their scores; the facet filters apply later (each facet counts without its own filter).
    /// </summary>
    /// <remarks>
    /// Scored with <paramref name="statistics"/> when given (a cursor's), otherwise with the index's, which are returned.
    /// </remarks>
    private (ReportMatches Matches, ScoringStatistics? Statistics) FindMatches(
        SqliteConnection connection, SqliteTransaction snapshot, CatalogSnapshot reports, SearchQuery query,
        SearchFilters filters, ScoringStatistics? statistics, CancellationToken cancellationToken)
    {
        var (matches, used) = query.IsEmpty ? (EveryReport(reports.Count), null) : FindQueryMatches(connection, snapshot, query, reports, statistics, cancellationToken);
        if (filters.Figures.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var passing = FigureFilter.ReportsPassing(store.FigureColumns, connection, filters.Figures);
            using var unfiltered = matches;
            matches = matches.Where(index => passing.Contains(reports.IdAt(index)));
        }

        if (filters.Published is { Count: > 0 } published)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var passing = store.PublishedIn(connection, published.Select(r => (r.From, r.To)).ToList());
            using var unfiltered = matches;
            matches = matches.Where(index => passing.Contains(reports.IdAt(index)));
        }

        if (filters.Sites is { Count: > 0 } sites)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var passing = store.FromSites(connection, sites);
            using var unfiltered = matches;
            matches = matches.Where(index => passing.Contains(reports.IdAt(index)));
        }

        return (matches, used);
    }

    private (ReportMatches Matches, ScoringStatistics Statistics) FindQueryMatches(
        SqliteConnection connection, SqliteTransaction snapshot, SearchQuery query, CatalogSnapshot reports, ScoringStatistics? statistics,
        CancellationToken cancellationToken)
    {
        NumberedMatches found;
        try
        {
            found = IndexAt(connection, snapshot, reports.Generation).Search(IndexQuery.From(query), _segmentIndexes.For(reports), cancellationToken, statistics);
        }
        catch (ArgumentException exception) when (statistics is not null && exception.ParamName == nameof(statistics))
        {
            throw new InvalidCursorException("the token does not fit this query", exception);
        }

        var candidates = ReportMatches.Rented(found.Numbers, found.Scores, found.Count);
        if (!found.NeedsVerification)
        {
            return (candidates, found.Statistics);
        }

        using (candidates)
        {
            return (Verify(connection, query, reports, candidates, cancellationToken), found.Statistics);
        }
    }

    /// <summary>
    /// The text index as of <paramref name="generation"/> (read in the same transaction as the catalog): the snapshot of
    /// the last search when the generation is the same (every write bumps it in its own transaction), so a search of an
    /// unchanged archive does not list the segments again.
    /// </summary>
    private TextIndexSnapshot IndexAt(SqliteConnection connection, SqliteTransaction snapshot, long generation)
    {
        var known = Volatile.Read(ref _index);
        if (known is not null && known.Value.Generation == generation)
        {
            return known.Value.Index;
        }

        var index = store.TextIndex.Load(connection, snapshot);
        if (known is null || generation > known.Value.Generation)
        {
            Volatile.Write(ref _index, new StrongBox<(long, TextIndexSnapshot)>((generation, index)));
        }

        return index;
    }

    /// <summary>Every report of a catalog of <paramref name="size"/> (kept: browsing would build 12 bytes a report each time; never written to).</summary>
    private ReportMatches EveryReport(int size)
    {
        var known = Volatile.Read(ref _everyReport);
        if (known is not null && known.Count == size)
        {
            return known;
        }

        var all = ReportMatches.All(size);
        Volatile.Write(ref _everyReport, all);
        return all;
    }

    /// <summary>Keeps the candidates whose normalised text satisfies the query.</summary>
    private ReportMatches Verify(SqliteConnection connection, SearchQuery query, CatalogSnapshot reports, ReportMatches candidates, CancellationToken cancellationToken)
    {
        var matching = new HashSet<int>();
        foreach (var chunk in candidates.Indexes.Take(candidates.Count).Chunk(VerificationChunk))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var texts = store.GetTexts(connection, Array.ConvertAll(chunk, index => reports[index].Id));
            matching.UnionWith(chunk.Where(index =>
                texts.TryGetValue(reports[index].Id, out var text) && query.IsMatchedBy(TextNormalizer.NormalizeToString(text))));
        }

        return candidates.Where(matching.Contains);
    }

    private static SearchHit ToHit(CatalogEntry entry, double score, ReportText? text, IReadOnlyList<string> terms, IReadOnlyList<Figures.FigureSource>? cells) => new(
        entry.Id, entry.FileName, entry.Title, entry.Agency, entry.Year, entry.Province, entry.City, entry.County,
        entry.AgencyTypes, entry.Level, score, entry.FailedChecks,
        (text is null || terms.Count == 0 ? SnippetGenerator.Generate(text?.Original ?? "", terms, cells) : SnippetGenerator.Generate(text.Normalized, terms, cells))
            .Select(s => s.ToHtml()).ToList());
}
