using System.Diagnostics;
using ReportArchive.Analysis.Normalization;
using ReportArchive.Analysis.Segmentation;
using ReportArchive.Analysis.Synonyms;
using ReportArchive.Search.Facets;
using ReportArchive.Search.Highlighting;
using ReportArchive.Search.Ranking;
using ReportArchive.Storage;

namespace ReportArchive.Search;

/// <summary>
/// Runs a search: the full-text index finds the candidates and scores them (BM25, title and agency weighted up),
/// candidates that the index cannot decide are verified against their normalised text, then filters, facet counts,
/// ordering, the page and its snippets. The result is exact: a report matches when its normalised text satisfies
/// the query.
/// </summary>
public sealed class Searcher(ReportStore store, ReportCatalog catalog, WordSegmenter? segmenter = null)
{
    /// <summary>BM25 weights of the index columns title, agency, body.</summary>
    private const string Bm25 = "bm25(report_index, 10.0, 5.0, 1.0)";
    private const int VerificationChunk = 256;

    /// <summary>How many of the best BM25 candidates are re-ranked by their text (at least the requested page).</summary>
    private const int RescoreWindow = 100;
    private const int MaxRescoreWindow = 1000;

    private readonly MatchRescorer _rescorer = new(segmenter ?? WordSegmenter.Default, TemplateBoilerplate.Default);
    private readonly FigureFilter _figureFilter = new();

    /// <summary>The query parser of this archive (its segmenter includes the user dictionaries).</summary>
    public QueryParser Parser { get; } = new(segmenter ?? WordSegmenter.Default, SynonymTable.Default);

    public SearchResult Search(SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var query = Parser.Parse(request.Query);
        var matches = FindMatches(query, request.Filters.Figures, cancellationToken);
        var facets = FacetCounter.Count(matches.ConvertAll(m => m.Entry), request.Filters);
        var all = Order(query, matches, request.Filters);
        var pageEnd = (long)request.Page * request.PageSize;
        var texts = query.IsEmpty ? null : Rescore(query, all, (int)Math.Min(MaxRescoreWindow, Math.Max(RescoreWindow, pageEnd)));
        var page = all.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize).ToList();

        var terms = query.Required.SelectMany(c => c.Alternatives).Select(t => t.Normalized).Distinct().ToList();
        if (texts is null || page.Exists(m => !texts.ContainsKey(m.Entry.Id)))
        {
            texts = store.GetTexts(page.ConvertAll(m => m.Entry.Id));
        }

        var hits = page.ConvertAll(m => ToHit(m.Entry, m.Score, texts.GetValueOrDefault(m.Entry.Id) ?? "", terms));
        return new SearchResult(QueryView.From(query), all.Count, request.Page, request.PageSize,
            Math.Round(clock.Elapsed.TotalMilliseconds, 2), hits, facets);
    }

    /// <summary>Every report that matches the query and the filters, in result order (for statistics and exports).</summary>
    public IReadOnlyList<CatalogEntry> FindAll(string? queryText, SearchFilters filters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var query = Parser.Parse(queryText);
        return Order(query, FindMatches(query, filters.Figures, cancellationToken), filters).ConvertAll(m => m.Entry);
    }

    /// <summary>Re-orders the top of the BM25 order by match tier (<see cref="MatchFeatures"/>); returns the texts it read.</summary>
    private IReadOnlyDictionary<long, string> Rescore(SearchQuery query, List<(CatalogEntry Entry, double Score)> ordered, int window)
    {
        var top = ordered.Take(window).ToList();
        var texts = store.GetTexts(top.ConvertAll(m => m.Entry.Id));
        var rescored = top
            .Select(m => (Match: m, Tier: _rescorer.Features(query, TextNormalizer.NormalizeToString(texts.GetValueOrDefault(m.Entry.Id) ?? "")).Tier))
            .OrderByDescending(x => x.Tier)
            .ThenByDescending(x => x.Match.Score)
            .ThenBy(x => x.Match.Entry.Id)
            .Select(x => x.Match)
            .ToList();
        for (var i = 0; i < rescored.Count; i++)
        {
            ordered[i] = rescored[i];
        }

        return texts;
    }

    private static List<(CatalogEntry Entry, double Score)> Order(
        SearchQuery query, List<(CatalogEntry Entry, double Score)> matches, SearchFilters filters)
    {
        var filtered = matches.Where(m => FilterEvaluator.Passes(m.Entry, filters));
        var ordered = query.IsEmpty
            ? filtered.OrderByDescending(m => m.Entry.Year ?? int.MinValue).ThenByDescending(m => m.Entry.Id)
            : filtered.OrderByDescending(m => m.Score).ThenBy(m => m.Entry.Id);
        return ordered.ToList();
    }

    /// <summary>
    /// The reports matching the query and the figure conditions, with their scores; the facet filters apply later
    /// (each facet counts without its own filter).
    /// </summary>
    private List<(CatalogEntry Entry, double Score)> FindMatches(
        SearchQuery query, IReadOnlyList<FigureCondition> figures, CancellationToken cancellationToken)
    {
        using var connection = store.Database.OpenConnection();
        using var snapshot = connection.BeginTransaction(deferred: true); // one consistent view of index and catalog
        var entries = catalog.Current(connection);
        var matches = query.IsEmpty
            ? entries.Values.Select(e => (e, 0.0)).ToList()
            : FindQueryMatches(connection, query, entries, cancellationToken);
        if (figures.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var passing = _figureFilter.ReportsPassing(connection, store.Generation(connection), figures);
            matches.RemoveAll(m => !passing.Contains(m.Item1.Id));
        }

        return matches;
    }

    private List<(CatalogEntry Entry, double Score)> FindQueryMatches(
        Microsoft.Data.Sqlite.SqliteConnection connection, SearchQuery query, IReadOnlyDictionary<long, CatalogEntry> entries,
        CancellationToken cancellationToken)
    {

        var fts = FtsQueryBuilder.Build(query);
        var candidates = new List<(CatalogEntry Entry, double Score)>();
        if (fts.Match is null)
        {
            candidates.AddRange(entries.Values.Select(e => (e, 0.0)));
        }
        else
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT rowid, -{Bm25} FROM report_index WHERE report_index MATCH $match";
            command.Parameters.AddWithValue("$match", fts.Match);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if ((candidates.Count & 4095) == 4095)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (entries.TryGetValue(reader.GetInt64(0), out var entry))
                {
                    candidates.Add((entry, reader.GetDouble(1)));
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (fts.Exclude is not null)
        {
            var excluded = new HashSet<long>();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT rowid FROM report_index WHERE report_index MATCH $exclude";
            command.Parameters.AddWithValue("$exclude", fts.Exclude);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                excluded.Add(reader.GetInt64(0));
            }

            candidates.RemoveAll(c => excluded.Contains(c.Entry.Id));
        }

        return fts.NeedsVerification ? Verify(query, candidates, cancellationToken) : candidates;
    }

    /// <summary>Keeps the candidates whose normalised text satisfies the query.</summary>
    private List<(CatalogEntry Entry, double Score)> Verify(
        SearchQuery query, List<(CatalogEntry Entry, double Score)> candidates, CancellationToken cancellationToken)
    {
        var verified = new List<(CatalogEntry Entry, double Score)>();
        foreach (var chunk in candidates.Chunk(VerificationChunk))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var texts = store.GetTexts(chunk.Select(c => c.Entry.Id).ToList());
            verified.AddRange(chunk.Where(c =>
                texts.TryGetValue(c.Entry.Id, out var text) && query.IsMatchedBy(TextNormalizer.NormalizeToString(text))));
        }

        return verified;
    }

    private static SearchHit ToHit(CatalogEntry entry, double score, string text, IReadOnlyList<string> terms) => new(
        entry.Id, entry.FileName, entry.Title, entry.Agency, entry.Year, entry.Province, entry.City, entry.County,
        entry.AgencyTypes, entry.Level, score, entry.FailedChecks,
        SnippetGenerator.Generate(text, terms).Select(s => s.ToHtml()).ToList());
}
