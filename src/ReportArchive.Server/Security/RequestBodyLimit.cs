using Microsoft.AspNetCore.Http.Features;

namespace ReportArchive.Server.Security;

/// <summary>
/// Enforces <see cref="ServerLimits.MaxRequestBodyBytes"/> on every request: a declared Content-Length beyond it is
/// answered 413 problem+json before anything reads the body; a chunked body is cut off by the server's own limit
/// (Kestrel's MaxRequestBodySize, set from the same value), which reading code sees as a 413.
/// </summary>
internal static class RequestBodyLimit
{
    public static async Task Enforce(HttpContext context, long maxBytes, Func<Task> next)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = maxBytes;
        }

        if (context.Request.ContentLength is { } length && length > maxBytes)
        {
            await ProblemResponses.WriteAsync(
                context, StatusCodes.Status413PayloadTooLarge, "Request body too large",
                $"the request body is {length} bytes; at most {maxBytes} are accepted");
            return;
        }

        await next();
    }
}
