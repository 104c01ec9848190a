using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using ReportArchive.Search.Catalog;
using ReportArchive.Search.Facets;

namespace ReportArchive.Benchmarks.Lucene;

/// <summary>
/// One report as a Lucene document: the text (indexed with positions, stored for snippets), the id (stored and as
/// doc values), every filter field as an untokenised term, and the five facets as doc values.
/// </summary>
internal static class LuceneFields
{
    public const string Text = "text";
    public const string Id = "id";
    public const string Year = "year";
    public const string Province = "province";
    public const string City = "city";
    public const string County = "county";
    public const string Level = "level";
    public const string Checks = "checks";
    public const string RegionCode = "regionCode";
    public const string AgencyType = "agencyType";

    /// <summary>The doc-values field of a facet (one value: year, province, city, level; several: agencyType).</summary>
    public static string Facet(string field) => "facet." + field;

    public static IReadOnlyList<string> SingleValuedFacets { get; } = [Year, Province, City, Level];

    public static Document Of(CatalogEntry entry, string text)
    {
        var document = new Document
        {
            new TextField(Text, text, Field.Store.YES),
            new StoredField(Id, entry.Id),
            new NumericDocValuesField(Id, entry.Id),
            new StringField(Checks, FilterEvaluator.ChecksValue(entry), Field.Store.NO),
        };
        Add(document, Year, entry.Year?.ToString(CultureInfo.InvariantCulture), facet: true);
        Add(document, Province, entry.Province, facet: true);
        Add(document, City, entry.City, facet: true);
        Add(document, County, entry.County, facet: false);
        Add(document, Level, entry.Level, facet: true);
        Add(document, RegionCode, entry.RegionCode, facet: false);
        foreach (var type in entry.AgencyTypes.Distinct(StringComparer.Ordinal))
        {
            document.Add(new StringField(AgencyType, type, Field.Store.NO));
            document.Add(new SortedSetDocValuesField(Facet(AgencyType), new BytesRef(type)));
        }

        return document;
    }

    private static void Add(Document document, string field, string? value, bool facet)
    {
        if (value is null)
        {
            return;
        }

        document.Add(new StringField(field, value, Field.Store.NO));
        if (facet)
        {
            document.Add(new SortedDocValuesField(Facet(field), new BytesRef(value)));
        }
    }
}
