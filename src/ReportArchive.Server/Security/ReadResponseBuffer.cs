using Microsoft.AspNetCore.Http.Features;

namespace ReportArchive.Server.Security;

/// <summary>
/// Runs an API read (inside the concurrency limit) with its response written to memory, and sends that to the
/// client only after the read has given its permit back: a client that reads its response slowly (or not at all)
/// holds a connection, never one of the <see cref="ServerLimits.ConcurrentReads"/> permits. Exports stream instead
/// (their own partition: a slow export client holds up only exports).
/// </summary>
internal static class ReadResponseBuffer
{
    public static async Task RunAsync(HttpContext context, Func<Task> limitedRead)
    {
        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var buffer = new MemoryStream();
        var buffered = new StreamResponseBodyFeature(buffer, original);
        context.Features.Set<IHttpResponseBodyFeature>(buffered);
        try
        {
            await limitedRead(); // the rate limiter's lease ends when this returns
            await buffered.CompleteAsync();
        }
        finally
        {
            context.Features.Set(original);
        }

        if (buffer.Length > 0 && !HttpMethods.IsHead(context.Request.Method))
        {
            if (!context.Response.HasStarted && context.Response.ContentLength is null)
            {
                context.Response.ContentLength = buffer.Length;
            }

            buffer.Position = 0;
            await buffer.CopyToAsync(original.Stream, context.RequestAborted);
        }
    }
}
