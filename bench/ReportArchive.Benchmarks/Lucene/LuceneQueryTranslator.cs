using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using ReportArchive.Search;

namespace ReportArchive.Benchmarks.Lucene;

/// <summary>
/// Our parsed query and filters as one Lucene query: each clause a MUST (or MUST_NOT when excluded) of its
/// alternatives as SHOULDs, each alternative a term query of the configuration; no required clause matches all; the
/// filters a <see cref="FilteredQuery"/> of term queries (a region of digits a prefix of the region code, a name any of
/// province, city, county) — the meaning of <c>FilterEvaluator.Passes</c>.
/// </summary>
internal sealed class LuceneQueryTranslator(ILuceneTermQueries terms)
{
    public Query Translate(SearchQuery query, SearchFilters filters, IndexReader reader)
    {
        var root = new BooleanQuery();
        var required = false;
        foreach (var clause in query.Clauses)
        {
            Query alternatives;
            if (clause.Alternatives.Count == 1)
            {
                alternatives = terms.ForTerm(clause.Alternatives[0], reader);
            }
            else
            {
                var any = new BooleanQuery();
                foreach (var term in clause.Alternatives)
                {
                    any.Add(terms.ForTerm(term, reader), Occur.SHOULD);
                }

                alternatives = any;
            }

            root.Add(alternatives, clause.Excluded ? Occur.MUST_NOT : Occur.MUST);
            required |= !clause.Excluded;
        }

        if (!required)
        {
            root.Add(new MatchAllDocsQuery(), Occur.MUST);
        }

        var filter = Filter(filters);
        return filter is null ? root : new FilteredQuery(root, new QueryWrapperFilter(filter));
    }

    private static BooleanQuery? Filter(SearchFilters filters)
    {
        if (filters.Figures.Count > 0)
        {
            throw new NotSupportedException("figure filters are not part of the Lucene baseline");
        }

        var all = new BooleanQuery();
        if (filters.Years.Count > 0)
        {
            all.Add(AnyOf(filters.Years.Select(y => Years(y))), Occur.MUST);
        }

        AddAnyOf(all, LuceneFields.Province, filters.Provinces);
        AddAnyOf(all, LuceneFields.City, filters.Cities);
        AddAnyOf(all, LuceneFields.County, filters.Counties);
        AddAnyOf(all, LuceneFields.Level, filters.Levels);
        AddAnyOf(all, LuceneFields.Checks, filters.Checks);
        AddAnyOf(all, LuceneFields.AgencyType, filters.AgencyTypes);
        if (filters.Regions.Count > 0)
        {
            all.Add(AnyOf(filters.Regions.SelectMany(Region)), Occur.MUST);
        }

        return all.Clauses.Count == 0 ? null : all;
    }

    /// <summary>Years are four digits (<see cref="YearRange.Earliest"/>..<see cref="YearRange.Latest"/>), so their strings sort as the numbers.</summary>
    private static Query Years(YearRange range) => TermRangeQuery.NewStringRange(
        LuceneFields.Year, range.From.ToString(CultureInfo.InvariantCulture), range.To.ToString(CultureInfo.InvariantCulture), includeLower: true, includeUpper: true);

    private static IEnumerable<Query> Region(string region) =>
        region.Length > 0 && region.All(char.IsAsciiDigit)
            ? [new PrefixQuery(new Term(LuceneFields.RegionCode, region))]
            : [Exactly(LuceneFields.Province, region), Exactly(LuceneFields.City, region), Exactly(LuceneFields.County, region)];

    private static void AddAnyOf(BooleanQuery all, string field, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            all.Add(AnyOf(values.Select(v => Exactly(field, v))), Occur.MUST);
        }
    }

    private static Query Exactly(string field, string value) => new TermQuery(new Term(field, value));

    private static Query AnyOf(IEnumerable<Query> queries)
    {
        var any = new BooleanQuery();
        foreach (var query in queries)
        {
            any.Add(query, Occur.SHOULD);
        }

        return any;
    }
}
