using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ReportArchive.Corpus.Reports;
using ReportArchive.Ingestion;
using ReportArchive.LoadTest;
using ReportArchive.Storage;

// Screenshots of the search, report, statistics and agency pages at a desktop and a phone size, on an archive of
// generated reports, through Debian's chromium. Usage: [--out DIR] [--reports N] [--seed N] [--chromium PATH]
var output = Path.GetFullPath(Option("--out", "screenshots"));
var reports = int.Parse(Option("--reports", "2000"), CultureInfo.InvariantCulture);
var seed = int.Parse(Option("--seed", "17"), CultureInfo.InvariantCulture);
var chromium = Option("--chromium", Environment.GetEnvironmentVariable("REPORTARCHIVE_CHROMIUM") ?? "/usr/bin/chromium");
(int Width, int Height)[] sizes = [(1400, 1000), (390, 844)];

if (!File.Exists(chromium))
{
    Console.Error.WriteLine($"error: no chromium at {chromium} (apt-get install -y chromium, or --chromium PATH)");
    return 1;
}

var work = Directory.CreateTempSubdirectory("reportarchive-screenshots-");
try
{
    var corpus = Directory.CreateDirectory(Path.Combine(work.FullName, "corpus")).FullName;
    foreach (var generated in new ReportCorpusGenerator(seed).Generate(reports))
    {
        await File.WriteAllTextAsync(Path.Combine(corpus, generated.FileName), generated.Text);
    }

    var data = Path.Combine(work.FullName, "data");
    var summary = await new ReportImporter(new ReportStore(ArchiveDatabase.Open(data))).ImportAsync([corpus], null, CancellationToken.None);
    SqliteConnection.ClearAllPools();
    Directory.CreateDirectory(Path.Combine(data, "no-seeds"));
    Console.WriteLine($"archive: {summary.Imported.Count} generated reports imported (seed {seed})");

    await using var server = await ServerProcess.StartAsync(ServerProcess.DefaultDll(), data, [], new Dictionary<string, string>());
    using var http = new HttpClient { BaseAddress = server.Url };
    // the report shown: the first of a search whose checks failed, so the page shows a failed check on its cells
    using var found = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/search?q=" + Uri.EscapeDataString("行政诉讼") + "&checks=failed&pageSize=1", UriKind.Relative)));
    var hit = found.RootElement.GetProperty("hits")[0];
    var id = hit.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);
    using var report = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/reports/" + id, UriKind.Relative)));
    var agency = hit.GetProperty("agency").GetString() ?? "";
    var regionCode = report.RootElement.TryGetProperty("region", out var region) && region.ValueKind == JsonValueKind.Object
        && region.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString() : null;

    var pages = new List<(string Name, string Path)>
    {
        ("search", "/?q=" + Uri.EscapeDataString("行政诉讼")),
        ("report", $"/report.html?id={id}&q=" + Uri.EscapeDataString("行政诉讼")),
        ("statistics", "/stats.html?figure=litigationDirect.total&groupBy=province"),
    };
    var agencyPage = "/agency.html?agency=" + Uri.EscapeDataString(agency) + (regionCode is null ? "" : "&regionCode=" + regionCode);
    using (var probe = await http.GetAsync(new Uri(agencyPage.TrimStart('/'), UriKind.Relative)))
    {
        if (probe.IsSuccessStatusCode)
        {
            pages.Add(("agency", agencyPage));
        }
        else
        {
            Console.WriteLine($"skipped: the agency page ({agencyPage} answers {(int)probe.StatusCode})");
        }
    }

    Directory.CreateDirectory(output);
    foreach (var (name, path) in pages)
    {
        foreach (var (width, height) in sizes)
        {
            var file = Path.Combine(output, $"{name}-{width}x{height}.png");
            await ScreenshotAsync(new Uri(server.Url, path.TrimStart('/')), file, width, height);
            Console.WriteLine($"{file}  ←  {path}");
        }
    }

    return 0;
}
finally
{
    SqliteConnection.ClearAllPools();
    work.Delete(recursive: true);
}

// chromium's own screenshot of the viewport, after the page's API calls (virtual time lets them finish first)
async Task ScreenshotAsync(Uri url, string file, int width, int height)
{
    var profile = Directory.CreateTempSubdirectory("reportarchive-chromium-");
    try
    {
        var info = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-sync",
            "--disable-background-networking", "--disable-component-update", $"--user-data-dir={profile.FullName}",
            $"--window-size={width},{height}", "--virtual-time-budget=10000", $"--screenshot={file}", url.ToString(),
        })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (!File.Exists(file))
        {
            throw new InvalidOperationException($"chromium wrote no screenshot of {url} (exit {process.ExitCode}): {await stderr}");
        }
    }
    finally
    {
        profile.Delete(recursive: true);
    }
}

string Option(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}
