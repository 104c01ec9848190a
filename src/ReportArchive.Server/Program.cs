using ReportArchive.Json;
using ReportArchive.Server.Agencies;
using ReportArchive.Server.Exports;
using ReportArchive.Server.Health;
using ReportArchive.Server.Highlights;
using ReportArchive.Server.Hosting;
using ReportArchive.Server.OpenApi;
using ReportArchive.Server.Regions;
using ReportArchive.Server.Reports;
using ReportArchive.Server.Search;
using ReportArchive.Server.Security;
using ReportArchive.Server.Statistics;
using ReportArchive.Server.Uploads;

StartFootprint? footprint = null;
try
{
    // The content root (wwwroot) is the build output, so the server can be started from any folder; the data and seed
    // folders are relative to the current folder.
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    if (string.IsNullOrEmpty(builder.Configuration["urls"]))
    {
        builder.WebHost.UseUrls("http://127.0.0.1:5000"); // loopback unless told otherwise (--urls)
    }

    footprint = StartFootprint.Of(ArchiveOptions.From(builder.Configuration).DataDirectory);
    builder.Services.AddArchive();
    builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ChineseProblems.Customize); // messageZh on every problem: Security/ChineseProblems
    builder.Services.AddServerSecurity(builder.Configuration);
    builder.Services.AddArchiveOpenApi(); // descriptions, types, problem answers and the bearer scheme: OpenApi/
    builder.Services.ConfigureHttpJsonOptions(options => ArchiveJson.Configure(options.SerializerOptions));

    var app = builder.Build();
    app.UseRequestLog(); // one line a request when Logging:LogLevel:ReportArchive.Requests is Information (off by default)
    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.UseServerSecurity(); // security headers, body size limit (413), CORS if configured, rate limiter (429)
    app.UseDefaultFiles();
    app.UseStaticFiles();
    app.MapOpenApi();
    app.MapHealthEndpoints();
    app.MapSearchEndpoints();
    app.MapReportEndpoints();
    app.MapRegionEndpoints();
    app.MapStatisticsEndpoints();
    app.MapExportEndpoints();
    app.MapHighlightEndpoints();
    app.MapUploadEndpoints();
    app.MapAgencyEndpoints();
    app.Run();
    return 0;
}
catch (Exception exception) when (exception is IOException or InvalidOperationException && exception is not HostAbortedException)
{
    // A taken port, an archive another server holds, a bad setting: the operator's mistake, said in one line, and the
    // data folder left as this start found it.
    footprint?.Undo();
    Console.Error.WriteLine($"error: {exception.Message}");
    return 1;
}

/// <summary>The server's entry point; public so in-process tests can host it.</summary>
public partial class Program;
