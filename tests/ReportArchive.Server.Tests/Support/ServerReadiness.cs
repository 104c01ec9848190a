using System.Net;

namespace ReportArchive.Server.Tests.Support;

/// <summary>Waits for a started server to answer <c>/healthz</c> with 200 (the seed import done), at most a minute.</summary>
internal static class ServerReadiness
{
    public static async Task WaitAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using (var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative)))
            {
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the server did not become ready");
            }

            await Task.Delay(50);
        }
    }
}
