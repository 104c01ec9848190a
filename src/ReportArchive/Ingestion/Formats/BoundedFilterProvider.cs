using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace ReportArchive.Ingestion.Formats;

/// <summary>
/// PdfPig's stream filters, each decoded stream spending its length from one budget: a PDF whose streams inflate
/// past it (a decompression bomb) is refused with the reason instead of filling memory stream after stream.
/// </summary>
internal sealed class BoundedFilterProvider(ReadBudget budget) : IFilterProvider
{
    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Bound(DefaultFilterProvider.Instance.GetFilters(dictionary));

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Bound(DefaultFilterProvider.Instance.GetNamedFilters(names));

    public IReadOnlyList<IFilter> GetAllFilters() => Bound(DefaultFilterProvider.Instance.GetAllFilters());

    private IReadOnlyList<IFilter> Bound(IReadOnlyList<IFilter> filters) => [.. filters.Select(f => (IFilter)new BoundedFilter(f, budget))];

    private sealed class BoundedFilter(IFilter inner, ReadBudget budget) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            var decoded = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            budget.Spend(decoded.Length);
            return decoded;
        }
    }
}
