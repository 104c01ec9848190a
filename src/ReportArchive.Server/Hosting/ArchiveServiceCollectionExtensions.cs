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
        services.AddSingleton(sp => ArchiveDatabase.Open(sp.GetRequiredService<ArchiveOptions>().DataDirectory));
        services.AddSingleton<ReportStore>();
        services.AddSingleton<ReportCatalog>();
        services.AddSingleton(sp => new Searcher(
            sp.GetRequiredService<ReportStore>(), sp.GetRequiredService<ReportCatalog>(),
            UserDictionaries.Load(sp.GetRequiredService<ArchiveOptions>().DataDirectory)));
        services.AddSingleton(sp => new ReportImporter(sp.GetRequiredService<ReportStore>()));
        services.AddSingleton<ArchiveReadiness>();
        services.AddHostedService<SeedImportService>();
        return services;
    }
}
