using Microsoft.Data.Sqlite;
using ReportArchive.Corpus.Reports;
using ReportArchive.Search.Catalog;
using ReportArchive.Storage.Compact;
using ReportArchive.Tests.Fixtures;

namespace ReportArchive.Tests.Search.Catalog;

/// <summary>
/// The catalog read row by row with its ordinals (<see cref="CatalogRowReader"/>, <see cref="CatalogSnapshot.FromRows"/>)
/// is the catalog built the plain way: every value read as a string through the ADO.NET reader and every column built
/// from the entries. Generated reports, then edits the generator never makes (NULL and empty values, region keys
/// that collide, several agency types, deleted reports).
/// </summary>
public sealed class CatalogRowReaderTests : IAsyncLifetime, IDisposable
{
    private readonly TemporaryArchive _archive = new();

    public async Task InitializeAsync() => await ImportAsync(0, 150);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _archive.Dispose();

    [Fact]
    public void FromRows_EqualsTheCatalogBuiltFromEntriesReadAsStrings()
    {
        Execute("""
            UPDATE reports SET title = NULL, agency = '' WHERE id % 7 = 0;
            UPDATE reports SET province = NULL, city = NULL, county = NULL, region_code = NULL WHERE id % 11 = 0;
            UPDATE reports SET city = NULL WHERE id % 13 = 0;
            UPDATE reports SET year = NULL, level = NULL WHERE id % 17 = 0;
            UPDATE reports SET province = 'a|b', city = 'c', county = NULL, region_code = '' WHERE id = 20;
            UPDATE reports SET province = 'a', city = 'b|c', county = NULL, region_code = '' WHERE id = 21;
            UPDATE reports SET failed_checks = 3 WHERE id % 5 = 0;
            UPDATE reports SET agency_types = NULL WHERE id % 9 = 0;
            UPDATE reports SET agency_types = json_insert(coalesce(agency_types, '[]'), '$[#]', '审计') WHERE id % 4 = 0;
            UPDATE reports SET agency_types = json_insert(coalesce(agency_types, '[]'), '$[#]', '公安') WHERE id % 6 = 0;
            """);
        Assert.True(_archive.Store.Delete(3));
        Assert.True(_archive.Store.Delete(150));

        using var connection = _archive.Database.OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: true);
        var fast = CatalogSnapshot.FromRows(7, CatalogRowReader.Read(connection, null));
        var plain = new CatalogSnapshot(7, [.. EntriesReadAsStrings(connection, null)]);

        Assert.Equal(148, fast.Count);
        AssertSameCatalog(plain, fast);
        Assert.Contains(fast.Entries, e => e.Title is null);
        Assert.Contains(fast.Entries, e => e.Agency == "");
        Assert.Contains(fast.Entries, e => e.AgencyTypes.Count == 0);
        Assert.Contains(fast.Entries, e => e.AgencyTypes.Count > 1);
    }

    [Fact]
    public void Read_AfterAnId_ReadsOnlyTheReportsAboveIt()
    {
        using var connection = _archive.Database.OpenConnection();
        var rows = CatalogRowReader.Read(connection, 140);

        Assert.Equal(Enumerable.Range(141, 10).Select(i => (long)i), rows.Entries.Select(e => e.Id));
        Assert.Equal(EntriesReadAsStrings(connection, 140).Select(Comparable), rows.Entries.Select(Comparable));
        Assert.Equal(11, rows.AgencyTypeStarts.Length);
    }

    [Fact]
    public async Task CatalogAfterAnImport_ExtendsTheLoadedColumns_AsIfLoadedAtOnce()
    {
        var catalog = new ReportCatalog(_archive.Store);
        using (var connection = _archive.Database.OpenConnection())
        {
            var (view, loaded) = catalog.BeginView(connection);
            view.Dispose();
            Assert.Equal(150, loaded.Count);
        }

        await ImportAsync(150, 40); // new reports, some with values the loaded columns do not hold yet
        using var reading = _archive.Database.OpenConnection();
        var (first, extended) = catalog.BeginView(reading);
        first.Dispose();
        var (second, fresh) = new ReportCatalog(_archive.Store).BeginView(reading);
        second.Dispose();

        Assert.Equal(190, extended.Count);
        Assert.Same(extended, catalog.Loaded);
        AssertSameCatalog(fresh, extended);
        AssertSameCatalog(new CatalogSnapshot(extended.Generation, [.. EntriesReadAsStrings(reading, null)]), extended);
    }

    private async Task ImportAsync(int skip, int count)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_archive.DataDirectory, $"corpus-{skip}")).FullName;
        foreach (var report in new ReportCorpusGenerator(seed: 5).Generate(skip + count).Skip(skip))
        {
            await File.WriteAllTextAsync(Path.Combine(folder, report.FileName), report.Text);
        }

        var summary = await _archive.Importer.ImportAsync([folder], null, CancellationToken.None);
        Assert.Empty(summary.Failed);
        Assert.Equal(count, summary.Imported.Count);
    }

    private void Execute(string sql)
    {
        using var connection = _archive.Database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void AssertSameCatalog(CatalogSnapshot expected, CatalogSnapshot actual)
    {
        Assert.Equal(expected.Entries.Select(Comparable), actual.Entries.Select(Comparable));
        foreach (var (want, got) in new[]
        {
            (expected.Years, actual.Years), (expected.Provinces, actual.Provinces), (expected.Cities, actual.Cities),
            (expected.Counties, actual.Counties), (expected.Levels, actual.Levels), (expected.RegionKeys, actual.RegionKeys),
        })
        {
            Assert.Equal(want.Values, got.Values);
            Assert.Equal(want.Ordinals, got.Ordinals);
            Assert.Equal(want.FirstEntries, got.FirstEntries);
            foreach (var value in want.Values)
            {
                Assert.Equal(want.Allowed([value]), got.Allowed([value]));
            }
        }

        Assert.Equal(expected.AgencyTypes.Values, actual.AgencyTypes.Values);
        Assert.Equal(expected.AgencyTypes.Starts, actual.AgencyTypes.Starts);
        Assert.Equal(expected.AgencyTypes.Ordinals, actual.AgencyTypes.Ordinals);
        Assert.Equal(expected.Regions.NodeCount, actual.Regions.NodeCount);
        Assert.Equal(expected.Regions.Nodes, actual.Regions.Nodes);
        Assert.Equal(expected.NewestFirst, actual.NewestFirst);
        Assert.Equal(expected.FailedChecks, actual.FailedChecks);
    }

    /// <summary>An entry with its agency types as a string, so two entries compare by value.</summary>
    private static string Comparable(CatalogEntry entry) => (entry with { AgencyTypes = [] }) + " types: " + string.Join(",", entry.AgencyTypes);

    /// <summary>The plain reading the row reader replaces: every value a string from the ADO.NET reader.</summary>
    private static List<CatalogEntry> EntriesReadAsStrings(SqliteConnection connection, long? afterId)
    {
        var entries = new List<CatalogEntry>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT id, file_name, title, agency, year, province, city, county, region_code, level, failed_checks, agency_types
                FROM reports WHERE id > $after ORDER BY id
                """;
            command.Parameters.AddWithValue("$after", afterId ?? long.MinValue);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var id = reader.GetInt64(0);
                entries.Add(new CatalogEntry(
                    id, reader.GetString(1), Text(reader, 2), Text(reader, 3), reader.IsDBNull(4) ? null : reader.GetInt32(4),
                    Text(reader, 5), Text(reader, 6), Text(reader, 7), Text(reader, 8), Text(reader, 9),
                    StringListColumn.Decode(Text(reader, 11)), reader.GetInt32(10)));
            }
        }

        return entries;

        static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }
}
