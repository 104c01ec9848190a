using Microsoft.Net.Http.Headers;

namespace ReportArchive.Server.Uploads;

/// <summary>
/// Lets a write through only with <c>Authorization: Bearer &lt;key&gt;</c> and a configured key: 403 when the
/// server has no keys (writes are off), 401 when the key is missing or wrong. The key is never logged.
/// </summary>
internal sealed class ApiKeyFilter(ApiKeys keys) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!keys.AnyConfigured)
        {
            return TypedResults.Problem(
                "This server accepts no writes: no API key is configured (the ApiKeys section or REPORTARCHIVE_API_KEYS).",
                statusCode: StatusCodes.Status403Forbidden, title: "Writes are disabled");
        }

        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        if (!keys.AcceptsAuthorization(header))
        {
            context.HttpContext.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
            return TypedResults.Problem(
                header.Length == 0 ? "Writes need an Authorization: Bearer <key> header." : "The API key is not valid.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
        }

        return await next(context);
    }
}
