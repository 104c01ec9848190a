using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ReportArchive.Corpus.Reports;

namespace ReportArchive.LoadTest;

/// <summary>
/// Search latency while an import runs in the same server: on a copy of the archive, starts the server with an API
/// key and no write rate limit, measures the 52 benchmark searches with a few clients while idle, then again while
/// other clients upload N new generated reports through <c>POST /api/reports</c>; passes when no request failed,
/// every report was stored once and p99 during the import is at most the given multiple of p99 idle.
/// </summary>
internal sealed class SearchesDuringImport(LoadTestOptions options)
{
    public async Task<SearchesDuringImportResult> RunAsync(TextWriter output)
    {
        var work = Path.Combine(Path.GetTempPath(), "reportarchive-loadtest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            foreach (var file in Directory.GetFiles(options.DataDirectory!))
            {
                File.Copy(file, Path.Combine(work, Path.GetFileName(file)));
            }

            var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            await using var server = await ServerProcess.StartAsync(
                options.ServerDll ?? ServerProcess.DefaultDll(), work, ["--Limits:WritesPerWindow=100000000"],
                new Dictionary<string, string> { ["REPORTARCHIVE_API_KEYS"] = key });
            using var http = LoadClient.Create(server.Url, options.SearchClients + options.UploadClients);
            var before = await TotalAsync(http);
            output.WriteLine(Invariant($"archive copy in {work}: {before:N0} reports; server at {server.Url}"));
            var searches = new ClosedLoopClients(http, random => RequestMix.Searches[random.Next(RequestMix.Searches.Count)], new ReportIds());

            using (var warmup = new CancellationTokenSource(TimeSpan.FromSeconds(options.WarmupSeconds)))
            {
                await searches.RunAsync(options.SearchClients, options.Seed, warmup.Token);
            }

            LoadMeasurement idle;
            using (var idleStop = new CancellationTokenSource(TimeSpan.FromSeconds(options.IdleSeconds)))
            {
                idle = await searches.RunAsync(options.SearchClients, options.Seed + 1000, idleStop.Token);
            }

            output.WriteLine("idle:");
            idle.Print(output);

            using var importDone = new CancellationTokenSource();
            var during = searches.RunAsync(options.SearchClients, options.Seed + 2000, importDone.Token);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            UploadCounts uploads;
            try
            {
                uploads = await UploadAsync(http, key);
            }
            finally
            {
                await importDone.CancelAsync();
            }

            var importSeconds = clock.Elapsed.TotalSeconds;
            var busy = await during;
            output.WriteLine(Invariant($"during the import ({uploads.Created:N0} created, {uploads.Existing:N0} already stored, {uploads.Failed.Values.Sum()} failed, {importSeconds:F1} s, {(uploads.Created + uploads.Existing) / importSeconds:F1} reports/s):"));
            busy.Print(output);
            foreach (var (status, count) in uploads.Failed)
            {
                output.WriteLine(Invariant($"upload error: {status} × {count}"));
            }

            var after = await TotalAsync(http);
            var ratio = busy.Overall.P99 / idle.Overall.P99;
            var passed = idle.ErrorCount == 0 && busy.ErrorCount == 0 && uploads.Failed.Count == 0 && after == before + uploads.Created && ratio <= options.MaxRatio;
            output.WriteLine(Invariant($"reports {before:N0} → {after:N0} (+{after - before:N0}, uploads created {uploads.Created:N0})"));
            output.WriteLine(Invariant($"search p99 idle {idle.Overall.P99:F1} ms, during the import {busy.Overall.P99:F1} ms: ratio {ratio:F2} (limit {options.MaxRatio:F1}) — {(passed ? "PASS" : "FAIL")}"));
            return new SearchesDuringImportResult(before, after, uploads.Created, uploads.Existing, uploads.Failed, importSeconds, idle, busy, ratio, options.MaxRatio, passed);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    private async Task<UploadCounts> UploadAsync(HttpClient http, string key)
    {
        using var reports = new ReportCorpusGenerator(options.Seed).Generate(options.DuringImport).GetEnumerator();
        var created = 0;
        var existing = 0;
        var failed = new Dictionary<string, int>(StringComparer.Ordinal);
        async Task ClientAsync()
        {
            while (true)
            {
                GeneratedReport report;
                lock (reports)
                {
                    if (!reports.MoveNext())
                    {
                        return;
                    }

                    report = reports.Current;
                }

                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/reports?name=" + Uri.EscapeDataString(report.FileName), UriKind.Relative))
                {
                    Content = new ByteArrayContent(Encoding.UTF8.GetBytes(report.Text)),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
                using var response = await http.SendAsync(request);
                lock (failed)
                {
                    switch (response.StatusCode)
                    {
                        case HttpStatusCode.Created:
                            created++;
                            break;
                        case HttpStatusCode.OK:
                            existing++;
                            break;
                        default:
                            var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                            failed[status] = failed.GetValueOrDefault(status) + 1;
                            break;
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, options.UploadClients).Select(_ => Task.Run(ClientAsync)));
        return new UploadCounts(created, existing, failed);
    }

    private static async Task<long> TotalAsync(HttpClient http)
    {
        await using var body = await http.GetStreamAsync(new Uri("/api/search?pageSize=1", UriKind.Relative));
        using var document = await JsonDocument.ParseAsync(body);
        return document.RootElement.GetProperty("total").GetInt64();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record UploadCounts(int Created, int Existing, Dictionary<string, int> Failed);
}
