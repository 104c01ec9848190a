using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using ReportArchive.Server.Uploads;

namespace ReportArchive.Server.Security;

/// <summary>
/// Registers and applies the server's protections: <see cref="ServerLimits"/>, the security headers on every
/// response, the request body limit (413), the <see cref="WritesPolicy"/> rate limiter (429) that write endpoints
/// attach with <c>.RequireRateLimiting(ServerSecurity.WritesPolicy)</c>, a concurrency limit on API reads (every
/// <c>GET /api/…</c>: at most <see cref="ServerLimits.ConcurrentReads"/> at once, the rest queued, 503 beyond the queue;
/// exports have their own limit of the same size, so slow export clients cannot hold up searches), and CORS only for
/// the origins listed in <c>Cors:Origins</c> (none by default: browsers refuse cross-origin calls).
/// </summary>
public static class ServerSecurity
{
    /// <summary>The rate-limiter policy for endpoints that write (uploads, deletions): a fixed window per client address.</summary>
    public const string WritesPolicy = "writes";

    private const string CorsPolicy = "configured-origins";
    private const string ReadsPartition = "reads";
    private const string ExportsPartition = "exports";

    public static IServiceCollection AddServerSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = ServerLimits.From(configuration);
        var keys = ApiKeys.From(configuration);
        services.AddSingleton(limits);
        services.AddExceptionHandler<TransportProblems>();
        services.Configure<KestrelServerOptions>(options =>
        {
            options.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes;
            options.Limits.MaxRequestLineSize = ServerLimits.MaxRequestLineBytes;
        });
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                if (ReadPartition(context.HttpContext.Request) is not null)
                {
                    context.HttpContext.Response.Headers.RetryAfter = "1";
                    await ProblemResponses.WriteAsync(
                        context.HttpContext, StatusCodes.Status503ServiceUnavailable, "Server busy",
                        $"{limits.ConcurrentReads} requests are running and {limits.ReadQueue} waiting; retry in a second");
                    return;
                }

                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : limits.WritesWindow;
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await ProblemResponses.WriteAsync(
                    context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                    $"at most {limits.WritesPerWindow} writes per {limits.WritesWindow.TotalSeconds:0.###} s are accepted from one address; retry after {retry.TotalSeconds:0} s");
            };
            // a write is counted only once it is authenticated: requests without an accepted key are answered 401/403
            // by the key check without reading their body, and must not use up the key holder's budget
            options.AddPolicy(WritesPolicy, context => !keys.AcceptsAuthorization(context.Request.Headers.Authorization.ToString())
                ? RateLimitPartition.GetNoLimiter("unauthenticated")
                : RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.WritesPerWindow,
                    Window = limits.WritesWindow,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => ReadPartition(context.Request) is { } partition
                ? RateLimitPartition.GetConcurrencyLimiter(partition, _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = limits.ConcurrentReads,
                    QueueLimit = limits.ReadQueue,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                })
                : RateLimitPartition.GetNoLimiter(""));
        });

        var origins = CorsOrigins(configuration);
        if (origins.Length > 0)
        {
            services.AddCors(options => options.AddPolicy(CorsPolicy, policy => policy.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod()));
        }

        return services;
    }

    /// <summary>Adds the headers, the body limit, CORS (when configured) and the rate limiter, in that order; call before the endpoints.</summary>
    public static WebApplication UseServerSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var limits = app.Services.GetRequiredService<ServerLimits>();
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                SecurityHeaders.Apply(context.Response.Headers);
                return Task.CompletedTask;
            });
            await RequestBodyLimit.Enforce(context, limits.MaxRequestBodyBytes, () => next(context));
        });
        if (CorsOrigins(app.Configuration).Length > 0)
        {
            app.UseCors(CorsPolicy);
        }

        // outside the rate limiter: a read's response is sent after its concurrency permit is released
        app.Use((context, next) => ReadPartition(context.Request) == ReadsPartition
            ? ReadResponseBuffer.RunAsync(context, () => next(context))
            : next(context));
        app.UseRateLimiter();
        return app;
    }

    /// <summary>The concurrency partition of an API read (exports apart), or null for anything else.</summary>
    private static string? ReadPartition(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            ? null
            : request.Path.StartsWithSegments("/api/export", StringComparison.OrdinalIgnoreCase) ? ExportsPartition : ReadsPartition;

    private static string[] CorsOrigins(IConfiguration configuration)
    {
        var section = configuration.GetSection("Cors:Origins");
        var listed = section.GetChildren().Select(c => c.Value);
        var inline = (section.Value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries);
        return listed.Concat(inline).Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o!.Trim()).Distinct(StringComparer.Ordinal).ToArray();
    }
}
