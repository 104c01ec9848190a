using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReportArchive.TextIndex;

namespace ReportArchive.Search;

/// <summary>
/// The <c>next</c> token: where a page of results ended, so the next page starts right after it (a keyset cursor, as
/// Elasticsearch's <c>search_after</c>). It holds the last result's position in its order and, for relevance, the
/// BM25 statistics of the first page and the end of its re-ranked window: scored with those, a report keeps its
/// score and its place in the order whatever is imported or deleted meanwhile, so a walk sees every report present
/// throughout exactly once. Opaque to clients: URL-safe base64 of the fields and a check over them and the search
/// they belong to (query text, filters and sort), so a garbled token or one from another search is refused.
/// </summary>
internal sealed record ResultCursor(SearchSort Sort, int Page, ScoringStatistics? Statistics, (double Score, long Id)? WindowEnd, ResultPosition Last)
{
    private const byte Version = 1;
    private const int CheckLength = 12;
    private const int MaxFrequencies = 4096;
    private const int MaxTokenLength = 64 * 1024;

    public string Encode(string search)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            writer.Write(Sort.Code);
            writer.Write(Page);
            if (Sort == SearchSort.Relevance)
            {
                var statistics = Statistics ?? throw new InvalidOperationException("a relevance cursor needs the scoring statistics");
                var end = WindowEnd ?? throw new InvalidOperationException("a relevance cursor needs the window's end");
                writer.Write(statistics.Documents);
                writer.Write(statistics.TitleLengths);
                writer.Write(statistics.AgencyLengths);
                writer.Write(statistics.BodyLengths);
                writer.Write(statistics.DocumentFrequencies.Count);
                foreach (var frequency in statistics.DocumentFrequencies)
                {
                    writer.Write(frequency);
                }

                writer.Write(end.Score);
                writer.Write(end.Id);
                writer.Write(Last.InWindow);
                writer.Write((byte)Last.Tier);
                writer.Write(Last.Score);
            }
            else if (Sort != SearchSort.Id)
            {
                writer.Write(Last.Year.HasValue);
                writer.Write(Last.Year ?? 0);
            }

            writer.Write(Last.Id);
        }

        var payload = buffer.ToArray();
        return Base64Url.EncodeToString([.. payload, .. Check(search, payload)]);
    }

    /// <exception cref="InvalidCursorException">The token is not one <see cref="Encode"/> made for <paramref name="search"/>.</exception>
    public static ResultCursor Decode(string token, string search)
    {
        ArgumentNullException.ThrowIfNull(token);
        byte[] bytes;
        try
        {
            bytes = token.Length <= MaxTokenLength ? Base64Url.DecodeFromChars(token.Trim()) : [];
        }
        catch (FormatException)
        {
            throw new InvalidCursorException("the token is not URL-safe base64: pass the 'next' of the previous page unchanged");
        }

        var payload = bytes.AsSpan(0, Math.Max(0, bytes.Length - CheckLength));
        if (bytes.Length <= CheckLength || !CryptographicOperations.FixedTimeEquals(bytes.AsSpan(payload.Length), Check(search, payload)))
        {
            throw new InvalidCursorException("the token is not one this search gave: a token holds for the q, filters and sort of the page that gave it");
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(payload.ToArray()), Encoding.UTF8);
            if (reader.ReadByte() != Version)
            {
                throw new InvalidCursorException("the token is of another version");
            }

            var sort = SearchSort.FromCode(reader.ReadByte()) ?? throw new InvalidCursorException("the token names no order");
            var page = reader.ReadInt32();
            ScoringStatistics? statistics = null;
            (double, long)? end = null;
            var last = default(ResultPosition);
            if (sort == SearchSort.Relevance)
            {
                var documents = reader.ReadInt64();
                var title = reader.ReadInt64();
                var agency = reader.ReadInt64();
                var body = reader.ReadInt64();
                var count = reader.ReadInt32();
                if (count is < 0 or > MaxFrequencies)
                {
                    throw new InvalidCursorException("the token is damaged");
                }

                var frequencies = new long[count];
                for (var i = 0; i < count; i++)
                {
                    frequencies[i] = reader.ReadInt64();
                }

                statistics = new ScoringStatistics(documents, title, agency, body, frequencies);
                end = (reader.ReadDouble(), reader.ReadInt64());
                last = new ResultPosition(reader.ReadBoolean(), reader.ReadByte(), reader.ReadDouble(), null, 0);
                if (new[] { documents, title, agency, body }.Any(v => v < 0) || frequencies.Any(f => f < 0)
                    || !double.IsFinite(end.Value.Item1) || !double.IsFinite(last.Score))
                {
                    throw new InvalidCursorException("the token is damaged");
                }
            }
            else if (sort != SearchSort.Id)
            {
                var hasYear = reader.ReadBoolean();
                var year = reader.ReadInt32();
                last = last with { Year = hasYear ? year : null };
            }

            last = last with { Id = reader.ReadInt64() };
            if (page is < 1 or int.MaxValue || reader.BaseStream.Position != reader.BaseStream.Length)
            {
                throw new InvalidCursorException("the token is damaged");
            }

            return new ResultCursor(sort, page, statistics, end, last);
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidCursorException("the token is damaged", exception);
        }
    }

    /// <summary>
    /// The search a token belongs to, as the token's check covers it: the query text, the filters that filter (as
    /// JSON, empty ones left out, so a token stays valid when a kind of filter is added) and the order.
    /// </summary>
    public static string SearchOf(SearchRequest request, SearchSort sort)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sort);
        var filters = JsonSerializer.SerializeToNode(request.Filters)!.AsObject();
        foreach (var empty in filters.Where(p => p.Value is null or JsonArray { Count: 0 }).Select(p => p.Key).ToList())
        {
            filters.Remove(empty);
        }

        return string.Join('\u001F', (request.Query ?? "").Trim(), filters.ToJsonString(), sort.Name);
    }

    private static byte[] Check(string search, ReadOnlySpan<byte> payload)
    {
        var searchBytes = Encoding.UTF8.GetBytes(search);
        var all = new byte[searchBytes.Length + 1 + payload.Length];
        searchBytes.CopyTo(all, 0);
        payload.CopyTo(all.AsSpan(searchBytes.Length + 1));
        return SHA256.HashData(all)[..CheckLength];
    }
}
