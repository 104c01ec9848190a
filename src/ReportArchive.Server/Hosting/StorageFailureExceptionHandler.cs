using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using ReportArchive.Storage;
using ReportArchive.TextIndex;

namespace ReportArchive.Server.Hosting;

/// <summary>
/// Answers the archive's file failures as problem+json instead of a generic 500: a full disk is 507 Insufficient
/// Storage (nothing was stored; the client may retry once space is freed); a read-only or failing disk is 503; a damaged archive (SQLite corruption, a
/// segment failing its checksum, a row that cannot be decoded, a write refused on a damaged archive) is 503 and marks the archive damaged, so
/// <c>/healthz</c> says so and no further write lands on the corrupt file.
/// </summary>
internal sealed partial class StorageFailureExceptionHandler(
    IServiceProvider services, IProblemDetailsService problems, ILogger<StorageFailureExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var failure = exception is AggregateException aggregate ? aggregate.Flatten().InnerExceptions[0] : exception;
        (int Status, string Title, string Detail)? answer = failure switch
        {
            SqliteException { SqliteErrorCode: var code } when (code & 0xFF) == 13 =>
                (StatusCodes.Status507InsufficientStorage, "Insufficient storage", "The disk holding the archive is full: nothing was stored. Retry once space is freed."),
            SqliteException { SqliteErrorCode: var code } when (code & 0xFF) == 8 =>
                (StatusCodes.Status503ServiceUnavailable, "Archive read-only", "The archive's file or disk is read-only: nothing was stored."),
            SqliteException { SqliteErrorCode: var code } when (code & 0xFF) == 10 =>
                (StatusCodes.Status503ServiceUnavailable, "Storage failure", "The disk holding the archive failed to read or write (I/O error): nothing was stored."),
            SqliteException { SqliteErrorCode: var code } sqlite when (code & 0xFF) is 11 or 26 =>
                Damaged($"SQLite reports corruption: {sqlite.Message}"),
            SegmentDamagedException segment => Damaged(segment.Message),
            DamagedRowException row => Damaged(row.Message),
            ArchiveDamagedException damaged => (StatusCodes.Status503ServiceUnavailable, "Archive damaged", damaged.Message),
            _ => null,
        };
        if (answer is not { } found)
        {
            return false;
        }

        var (status, title, detail) = found;

        LogStorageFailure(httpContext.Request.Path, status, failure);
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    private (int, string, string) Damaged(string finding)
    {
        services.GetRequiredService<ArchiveDatabase>().MarkDamaged(finding);
        return (StatusCodes.Status503ServiceUnavailable, "Archive damaged",
            $"The archive is damaged ({finding}); run `reportarchive verify` and restore a backup.");
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Path} answered {Status}: the archive's file failed")]
    private partial void LogStorageFailure(string path, int status, Exception exception);
}
