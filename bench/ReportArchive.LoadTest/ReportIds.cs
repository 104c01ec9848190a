using System.Text.Json;

namespace ReportArchive.LoadTest;

/// <summary>
/// Report ids seen in search results, for the detail requests: a fixed ring every client writes into and reads from
/// without locks (a torn read only picks another recent id).
/// </summary>
internal sealed class ReportIds
{
    private readonly long[] _ring = new long[4096];
    private long _written;

    public bool IsEmpty => Interlocked.Read(ref _written) == 0;

    /// <summary>Takes the ids of the hits of a <c>/api/search</c> response.</summary>
    public void AddFrom(ReadOnlySpan<byte> searchResponse)
    {
        var reader = new Utf8JsonReader(searchResponse);
        using var document = JsonDocument.ParseValue(ref reader);
        if (!document.RootElement.TryGetProperty("hits", out var hits))
        {
            return;
        }

        foreach (var hit in hits.EnumerateArray())
        {
            if (hit.TryGetProperty("id", out var id))
            {
                var at = Interlocked.Increment(ref _written) - 1;
                _ring[at % _ring.Length] = id.GetInt64();
            }
        }
    }

    public long Pick(Random random)
    {
        var written = Interlocked.Read(ref _written);
        return _ring[random.NextInt64(Math.Min(written, _ring.Length))];
    }
}
