-- The original file of an uploaded report, served back by GET /api/reports/{id}/source. Reports imported before
-- this migration, or by a folder import, have no row: only their decoded text is kept.
CREATE TABLE report_sources (
    report_id    INTEGER PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
    content_type TEXT    NOT NULL,
    source_url   TEXT,             -- where the uploader says the file came from, when given
    bytes        BLOB    NOT NULL
);

-- The same agency across years: reports are linked by agency name and region code (computed on read, so a delete
-- never leaves a dangling link).
CREATE INDEX reports_by_agency_year ON reports (agency, region_code, year);
