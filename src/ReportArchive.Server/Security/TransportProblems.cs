using Microsoft.AspNetCore.Diagnostics;

namespace ReportArchive.Server.Security;

/// <summary>
/// Answers what the transport refused as the client's fault, not as a 500: Kestrel's
/// <see cref="BadHttpRequestException"/> keeps its status (400 bad framing or a bad chunk line or a body cut short,
/// 408 a body arriving slower than MinRequestBodyDataRate, 413 a chunked body over the size limit), and a body that
/// cannot be parsed as it claims (<see cref="InvalidDataException"/> from form or multipart reading) is a 400. Each
/// is a problem+json; nothing is logged as an error. Registered with <c>AddExceptionHandler</c>, it runs inside
/// <c>UseExceptionHandler</c>.
/// </summary>
internal sealed class TransportProblems(ILogger<TransportProblems> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var (status, title) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, Title(bad.StatusCode)),
            InvalidDataException => (StatusCodes.Status400BadRequest, "Malformed request body"),
            _ => (0, ""),
        };
        if (status == 0 || httpContext.Response.HasStarted)
        {
            return false;
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Request refused with {Status}: {Reason}", status, exception.Message);
        }

        await ProblemResponses.WriteAsync(httpContext, status, title, exception.Message);
        return true;
    }

    private static string Title(int status) => status switch
    {
        StatusCodes.Status408RequestTimeout => "Request body too slow",
        StatusCodes.Status413PayloadTooLarge => "Request body too large",
        StatusCodes.Status431RequestHeaderFieldsTooLarge => "Request headers too large",
        _ => "Malformed request",
    };
}
