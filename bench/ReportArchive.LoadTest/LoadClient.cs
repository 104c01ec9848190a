using System.Net;

namespace ReportArchive.LoadTest;

/// <summary>The one HTTP client of a run: at most <c>connections</c> connections to the server, kept open.</summary>
internal static class LoadClient
{
    public static HttpClient Create(Uri server, int connections) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AutomaticDecompression = DecompressionMethods.None,
        })
        {
            BaseAddress = server,
            Timeout = TimeSpan.FromSeconds(120),
        };
}
