using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ReportArchive.Documents;
using ReportArchive.Figures;
using ReportArchive.Regions;

namespace ReportArchive.Storage;

/// <summary>Reads and writes reports, their figures, checks and full-text index rows, always together.</summary>
public sealed class ReportStore(ArchiveDatabase database)
{
    public ArchiveDatabase Database { get; } = database;

    /// <summary>
    /// Writes a batch in one transaction, each report in its own savepoint: a report that fails leaves nothing
    /// behind and the others go on. Duplicates (same SHA-256) are not written and report the stored id.
    /// </summary>
    public IReadOnlyList<WriteOutcome> Add(IReadOnlyList<IndexedReport> reports, DateTimeOffset importedAt, int parserVersion)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var outcomes = new List<WriteOutcome>(reports.Count);
        using var connection = Database.OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: false);
        using var writer = new ReportWriter(connection, transaction);
        foreach (var report in reports)
        {
            transaction.Save("report");
            try
            {
                outcomes.Add(writer.Write(report, importedAt, parserVersion));
                transaction.Release("report");
            }
            catch (SqliteException exception)
            {
                transaction.Rollback("report");
                outcomes.Add(WriteOutcome.Failed($"database error: {exception.Message}"));
            }
        }

        writer.AddWordDocumentFrequencies(reports.Where((_, i) => outcomes[i] is { Error: null, Duplicate: false }).SelectMany(r => r.Words));
        writer.BumpGeneration();
        transaction.Commit();
        return outcomes;
    }

    /// <summary>Merges the full-text index's segments into one (after a bulk import).</summary>
    public void OptimizeIndex()
    {
        using var connection = Database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO report_index (report_index) VALUES ('optimize')";
        command.ExecuteNonQuery();
    }

    /// <summary>How many reports contain each of the words (0 for a word none contains).</summary>
    public IReadOnlyDictionary<string, long> WordDocumentFrequencies(IReadOnlyCollection<string> words)
    {
        var frequencies = new Dictionary<string, long>(words.Count, StringComparer.Ordinal);
        if (words.Count == 0)
        {
            return frequencies;
        }

        using var connection = Database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT word, documents FROM word_document_frequency WHERE word IN (SELECT value FROM json_each($words))";
        command.Parameters.AddWithValue("$words", JsonSerializer.Serialize(words));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            frequencies[reader.GetString(0)] = reader.GetInt64(1);
        }

        return frequencies;
    }

    public long? FindIdBySha256(string sha256)
    {
        using var connection = Database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM reports WHERE sha256 = $sha";
        command.Parameters.AddWithValue("$sha", sha256);
        return command.ExecuteScalar() is long id ? id : null;
    }

    public long Count()
    {
        using var connection = Database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM reports";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>A number that changes whenever the archive's content changes.</summary>
    public long Generation(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM archive_state WHERE key = 'generation'";
        return (long)command.ExecuteScalar()!;
    }

    public StoredReport? Get(long id)
    {
        using var connection = Database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, file_name, sha256, imported_at, parser_version, title, agency, year, province, city, county,
                   region_code, region_ambiguous, region_candidates, level, template, warnings, text
            FROM reports WHERE id = $id
            """;
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var region = new ResolvedRegion(
            NullableString(reader, 8), NullableString(reader, 9), NullableString(reader, 10), NullableString(reader, 11),
            reader.GetInt64(12) != 0,
            JsonSerializer.Deserialize<List<RegionCandidate>>(reader.GetString(13), StorageJson.Options) ?? []);
        var metadata = new ReportMetadata(
            NullableString(reader, 5), NullableString(reader, 6), reader.IsDBNull(7) ? null : reader.GetInt32(7),
            region, NullableString(reader, 14), ReadAgencyTypes(connection, id));
        return new StoredReport(
            reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
            DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture),
            reader.GetInt32(4), metadata, NullableString(reader, 15),
            ReadFigures(connection, id), ReadChecks(connection, id),
            JsonSerializer.Deserialize<List<string>>(reader.GetString(16), StorageJson.Options) ?? [],
            reader.GetString(17));
    }

    /// <summary>The original texts of the given reports (for verification and snippets).</summary>
    public IReadOnlyDictionary<long, string> GetTexts(IReadOnlyCollection<long> ids)
    {
        var texts = new Dictionary<long, string>(ids.Count);
        if (ids.Count == 0)
        {
            return texts;
        }

        using var connection = Database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, text FROM reports WHERE id IN (SELECT value FROM json_each($ids))";
        command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(ids));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            texts[reader.GetInt64(0)] = reader.GetString(1);
        }

        return texts;
    }

    private static IReadOnlyList<string> ReadAgencyTypes(SqliteConnection connection, long id)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT agency_type FROM report_agency_types WHERE report_id = $id ORDER BY ordinal";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        var types = new List<string>();
        while (reader.Read())
        {
            types.Add(reader.GetString(0));
        }

        return types;
    }

    private static IReadOnlyDictionary<string, decimal?> ReadFigures(SqliteConnection connection, long id)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT key, value FROM figures WHERE report_id = $id ORDER BY ordinal";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        var figures = new Dictionary<string, decimal?>();
        while (reader.Read())
        {
            figures[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetDecimal(1);
        }

        return figures;
    }

    private static IReadOnlyList<FigureCheck> ReadChecks(SqliteConnection connection, long id)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT rule, ok, detail FROM checks WHERE report_id = $id ORDER BY ordinal";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        var checks = new List<FigureCheck>();
        while (reader.Read())
        {
            checks.Add(new FigureCheck(reader.GetString(0), reader.GetInt64(1) != 0, reader.GetString(2)));
        }

        return checks;
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
