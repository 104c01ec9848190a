using System.Globalization;

namespace ReportArchive.Server.Security;

/// <summary>
/// The server's limits, from the configuration section <c>Limits</c> (command line <c>--Limits:SearchTimeout=00:00:05</c>,
/// environment <c>Limits__SearchTimeout</c>, or appsettings): how long one search may run, the largest request body,
/// the fixed window of the <c>writes</c> rate-limiter policy, and how many API reads run at once
/// (<see cref="ConcurrentReads"/>; the others wait in a queue of <see cref="ReadQueue"/>, and the search timeout
/// starts when a search leaves the queue).
/// </summary>
public sealed record ServerLimits(
    TimeSpan SearchTimeout, long MaxRequestBodyBytes, int WritesPerWindow, TimeSpan WritesWindow, int ConcurrentReads, int ReadQueue)
{
    /// <summary>Two reads per core: searches are CPU-bound, so more at once only share the cores and stretch each one.</summary>
    public static readonly int DefaultConcurrentReads = 2 * Environment.ProcessorCount;
    public const int DefaultReadQueue = 1_000;
    public static readonly TimeSpan DefaultSearchTimeout = TimeSpan.FromSeconds(5);
    public const long DefaultMaxRequestBodyBytes = 32L * 1024 * 1024;
    public const int DefaultWritesPerWindow = 60;

    /// <summary>
    /// The longest request line Kestrel reads (its default is 8 KB, which a 1,000-character Chinese <c>q</c> — 9,000
    /// bytes percent-encoded — already exceeds, answered 414 without a body): room for a <c>q</c> three times the
    /// documented maximum with every filter, so a query over the maximum reaches the endpoint and gets its 400.
    /// </summary>
    public const int MaxRequestLineBytes = 64 * 1024;
    public static readonly TimeSpan DefaultWritesWindow = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A token for one search (or statistics) request: cancelled when the client goes away or after
    /// <see cref="SearchTimeout"/>; a zero timeout cancels at once (CancelAfter(0) would race a timer).
    /// </summary>
    public CancellationTokenSource StartSearchTimeout(CancellationToken requestAborted)
    {
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        if (SearchTimeout == TimeSpan.Zero)
        {
            timeout.Cancel();
        }
        else
        {
            timeout.CancelAfter(SearchTimeout);
        }

        return timeout;
    }

    public static ServerLimits From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Limits");
        return new ServerLimits(
            Duration(section, "SearchTimeout", DefaultSearchTimeout),
            Number(section, "MaxRequestBodyBytes", DefaultMaxRequestBodyBytes, min: 0),
            (int)Number(section, "WritesPerWindow", DefaultWritesPerWindow, min: 1),
            Duration(section, "WritesWindow", DefaultWritesWindow, positive: true), // a zero window refuses every write
            (int)Number(section, "ConcurrentReads", DefaultConcurrentReads, min: 1),
            (int)Number(section, "ReadQueue", DefaultReadQueue, min: 0));
    }

    private static TimeSpan Duration(IConfigurationSection section, string key, TimeSpan fallback, bool positive = false)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && (positive ? value > TimeSpan.Zero : value >= TimeSpan.Zero)
            ? value
            : throw new InvalidOperationException($"Limits:{key} = '{text}' is not a {(positive ? "positive " : "")}duration such as 00:00:05");
    }

    private static long Number(IConfigurationSection section, string key, long fallback, long min)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min
            ? value
            : throw new InvalidOperationException($"Limits:{key} = '{text}' is not a whole number of at least {min}");
    }
}
