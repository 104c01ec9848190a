using System.Text.Json;
using ReportArchive.LoadTest;

// A closed-loop HTTP load test of the server with a realistic query mix, or (--during-import N) search latency while
// N reports are uploaded into the same server. Exits 1 on any failed request or a failed bound. See docs/reliability.md.
LoadTestOptions options;
try
{
    options = LoadTestOptions.Parse(args);
}
catch (Exception exception) when (exception is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine("usage: --url URL | --data-dir DIR [--server-dll PATH]  [--connections 64] [--seconds 60] [--warmup-seconds 5] [--json FILE]");
    Console.Error.WriteLine("       --data-dir DIR --during-import N [--search-clients 4] [--upload-clients 2] [--idle-seconds 20] [--max-ratio 5]");
    return 2;
}

var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };
if (options.DuringImport > 0)
{
    var result = await new SearchesDuringImport(options).RunAsync(Console.Out);
    if (options.JsonPath is { } path)
    {
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(result, json));
    }

    return result.Passed ? 0 : 1;
}

await using var server = options.DataDirectory is { } data
    ? await ServerProcess.StartAsync(options.ServerDll ?? ServerProcess.DefaultDll(), data, [], new Dictionary<string, string>())
    : null;
var url = server?.Url ?? options.Url!;
using var http = LoadClient.Create(url, options.Connections);
var ids = new ReportIds();
var clients = new ClosedLoopClients(http, random => RequestMix.Next(random, ids), ids);
Console.WriteLine($"load test of {url}: {options.Connections} connections, {options.WarmupSeconds} s warm-up, {options.Seconds} s measured");
using (var warmup = new CancellationTokenSource(TimeSpan.FromSeconds(options.WarmupSeconds)))
{
    await clients.RunAsync(options.Connections, options.Seed, warmup.Token);
}

using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(options.Seconds));
var measurement = await clients.RunAsync(options.Connections, options.Seed + 1000, stop.Token);
measurement.Print(Console.Out);
if (options.JsonPath is { } file)
{
    await File.WriteAllTextAsync(file, JsonSerializer.Serialize(measurement, json));
}

return measurement.ErrorCount == 0 ? 0 : 1;
