using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace ReportArchive.Ingestion.Formats;

/// <summary>
/// PdfPig's stream filters, each decoded stream spending its length from one budget: a PDF whose streams inflate
/// past it (a decompression bomb) is refused with the reason instead of filling memory stream after stream. A Flate
/// stream (the bomb's usual form) is first inflated into nothing, counting, and stopped at what the budget has left, so
/// one stream of gigabytes is refused before PdfPig allocates it.
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
            if (inner is FlateFilter)
            {
                CheckInflatedLength(input);
            }

            var decoded = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            budget.Spend(decoded.Length);
            return decoded;
        }
    

        /// <summary>Inflates <paramref name="input"/> (zlib, as PDF writes Flate) into a counter, up to the budget left.</summary>
        private void CheckInflatedLength(Memory<byte> input)
        {
            var allowed = budget.Remaining;
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(81920);
            try
            {
                using var source = new MemoryStream(input.ToArray(), writable: false);
                using var inflater = new System.IO.Compression.ZLibStream(source, System.IO.Compression.CompressionMode.Decompress);
                long total = 0;
                int read;
                while ((read = ReadSome(inflater, buffer)) > 0)
                {
                    total += read;
                    if (total > allowed)
                    {
                        budget.Spend(total); // throws: the stream alone inflates past what is left
                    }
                }
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        /// <summary>A read that treats a damaged stream as ended: PdfPig's own filter then decides what it makes of it.</summary>
        private static int ReadSome(Stream inflater, byte[] buffer)
        {
            try
            {
                return inflater.Read(buffer, 0, buffer.Length);
            }
            catch (InvalidDataException)
            {
                return 0;
            }
        }
    }
}
