using ReportArchive.Ingestion;
using ReportArchive.Search;
using ReportArchive.Search.Catalog;
using ReportArchive.Storage;

namespace ReportArchive.Server.Hosting;

public static class ArchiveServiceCollectionExtensions
{
    /// <summary>The archive core as singletons, opened on the data folder of the configuration.</summary>
    public static IServiceCollection AddArchive(this IServiceCollection services)
    {
        services.AddSingleton(sp => ArchiveOptions.From(sp.GetRequiredService<IConfiguration>()));
        // the server holds the data folder's lock for its lifetime: a restore under it would be overwritten by what it keeps in memory
        services.AddSingleton(sp => ArchiveLock.Acquire(sp.GetRequiredService<ArchiveOptions>().DataDirectory, "server"));
        services.AddSingleton(sp =>
        {
            sp.GetRequiredService<ArchiveLock>();
            return ArchiveDatabase.Open(sp.GetRequiredService<ArchiveOptions>().DataDirectory);
        });
        services.AddSingleton<ReportStore>();
        services.AddSingleton<ReportCatalog>();
        services.AddSingleton(sp => new Searcher(
            sp.GetRequiredService<ReportStore>(), sp.GetRequiredService<ReportCatalog>(),
            UserDictionaries.Load(sp.GetRequiredService<ArchiveOptions>().DataDirectory)));
        services.AddSingleton(sp => new ReportImporter(sp.GetRequiredService<ReportStore>()));
        services.AddSingleton<ArchiveReadiness>();
        services.AddHostedService<SeedImportService>();
        services.AddExceptionHandler<StorageFailureExceptionHandler>();
        return services;
    }
}
