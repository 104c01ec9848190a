using System.Diagnostics;

namespace ReportArchive.Server.Hosting;

/// <summary>
/// One log line per request — method, path and query, status, milliseconds — under the category
/// <see cref="Category"/>, off by default: <c>appsettings.json</c> sets it to <c>Warning</c>, and
/// <c>--Logging:LogLevel:ReportArchive.Requests=Information</c> (or the same key in appsettings) turns it on. ASP.NET
/// Core's own per-request entries (about eleven a request) are kept at <c>Warning</c> there too.
/// </summary>
internal static partial class RequestLog
{
    public const string Category = "ReportArchive.Requests";

    public static WebApplication UseRequestLog(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        app.Use(async (context, next) =>
        {
            if (!logger.IsEnabled(LogLevel.Information))
            {
                await next(context);
                return;
            }

            var began = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                if (logger.IsEnabled(LogLevel.Information))
                {
                    var target = context.Request.Path.Add(context.Request.QueryString).ToString();
                    var milliseconds = Stopwatch.GetElapsedTime(began).TotalMilliseconds;
                    LogRequest(logger, context.Request.Method, target, context.Response.StatusCode, milliseconds);
                }
            }
        });
        return app;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Target} {Status} {Milliseconds:0.0} ms")]
    private static partial void LogRequest(ILogger logger, string method, string target, int status, double milliseconds);
}
