using System.Diagnostics;
using System.Globalization;

namespace ReportArchive.LoadTest;

/// <summary>
/// A fixed number of clients, each sending its next request as soon as the previous answer is read (closed loop),
/// until stopped. Every status other than 200 and every transport failure counts as an error, by kind and status.
/// </summary>
internal sealed class ClosedLoopClients(HttpClient http, Func<Random, LoadRequest> next, ReportIds ids)
{
    public async Task<LoadMeasurement> RunAsync(int clients, int seed, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(i => Task.Run(() => ClientAsync(new Random(seed + i), stop), CancellationToken.None)).ToArray();
        var results = await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;
        var byKind = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var errors = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (latencies, failures) in results)
        {
            foreach (var (kind, values) in latencies)
            {
                (byKind.TryGetValue(kind, out var list) ? list : byKind[kind] = []).AddRange(values);
            }

            foreach (var (error, count) in failures)
            {
                errors[error] = errors.GetValueOrDefault(error) + count;
            }
        }

        var kinds = byKind.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => LatencySummary.Of(k.Key, k.Value, seconds)).ToList();
        var overall = LatencySummary.Of("overall", byKind.Values.SelectMany(v => v).ToList(), seconds);
        return new LoadMeasurement(clients, seconds, overall, kinds, errors);
    }

    private async Task<(Dictionary<string, List<double>> Latencies, Dictionary<string, int> Errors)> ClientAsync(Random random, CancellationToken stop)
    {
        var latencies = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var errors = new Dictionary<string, int>(StringComparer.Ordinal);
        while (!stop.IsCancellationRequested)
        {
            var request = next(random);
            var started = Stopwatch.GetTimestamp();
            string? error = null;
            try
            {
                using var response = await http.GetAsync(new Uri(request.PathAndQuery, UriKind.Relative), CancellationToken.None);
                var body = await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                if ((int)response.StatusCode != 200)
                {
                    error = string.Create(CultureInfo.InvariantCulture, $"{request.Kind} {(int)response.StatusCode}");
                }
                else if (request.PathAndQuery.StartsWith("/api/search?", StringComparison.Ordinal))
                {
                    ids.AddFrom(body);
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
            {
                error = $"{request.Kind} {exception.GetType().Name}";
            }

            var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            (latencies.TryGetValue(request.Kind, out var list) ? list : latencies[request.Kind] = []).Add(milliseconds);
            if (error is not null)
            {
                errors[error] = errors.GetValueOrDefault(error) + 1;
            }
        }

        return (latencies, errors);
    }
}
