-- Compact report rows and texts (issue 6; docs/performance.md, "Compact report rows and texts"). The report row
-- takes its agency types (the report_agency_types table and its primary-key index go), and stores:
--   sha256            the 32 bytes of the digest (Sha256Column; any other value as text)
--   region_candidates NULL for none, else the codes when the division table spells every candidate (RegionCandidateColumn)
--   warnings, agency_types  NULL for none, else a JSON array with Chinese as UTF-8 (StringListColumn)
--   imported_at       UTC ticks as an integer (ImportTimeColumn; another offset as round-trip text)
-- Columns without a declared type have no affinity: SQLite keeps a blob, an integer or a text as given.
CREATE TABLE reports_compact (
    id                INTEGER PRIMARY KEY,
    sha256            BLOB    NOT NULL UNIQUE,
    file_name         TEXT    NOT NULL,
    title             TEXT,
    agency            TEXT,
    year              INTEGER,
    province          TEXT,
    city              TEXT,
    county            TEXT,
    region_code       TEXT,
    region_ambiguous  INTEGER NOT NULL DEFAULT 0,
    region_candidates TEXT,
    level             TEXT,
    template          TEXT,
    warnings          TEXT,
    agency_types      TEXT,
    imported_at               NOT NULL,
    parser_version    INTEGER NOT NULL,
    failed_checks     INTEGER NOT NULL DEFAULT 0
);

-- The code step of this migration (CompactReportRowsMigration) then copies every report row converted, recompresses
-- every text with the template-wording dictionary (CompressedText format 2), drops the old table and
-- report_agency_types, renames reports_compact to reports, recreates reports_by_agency_year and adds the view
-- report_agency_types (the old table's rows, for SQL readers). The archive is then vacuumed into 16 KB pages.
