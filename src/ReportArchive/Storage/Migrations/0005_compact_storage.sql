-- Compact storage (docs/performance.md, issue 6): one row a report for its text, its figures and its checks, each an
-- encoded column (Storage/Compact): the figure values in the template's key order, the checks as one Brotli stream,
-- the text Brotli-compressed. Separate tables keep the report rows small (the catalog scans them) and let the figure
-- filter scan ~250 bytes a report.
CREATE TABLE report_texts (
    report_id INTEGER PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
    text      BLOB    NOT NULL -- CompressedText: format byte, UTF-8 length, Brotli stream
);

CREATE TABLE report_figures (
    report_id     INTEGER PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
    figure_values BLOB    NOT NULL -- FigureValues: layout byte (template order or keyed), one varint a value
);

CREATE TABLE report_checks (
    report_id INTEGER PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
    checks    BLOB    NOT NULL -- CheckList: format byte, count, failed count, Brotli stream of (ok, rule, detail)
);

-- The code step of this migration (CompactStorageMigration) then fills the three tables from reports.text, figures
-- and checks, drops the figures and checks tables and the reports.text column, and the database is vacuumed.
