-- Reports with their metadata and the text exactly as read.
CREATE TABLE reports (
    id                INTEGER PRIMARY KEY,
    sha256            TEXT    NOT NULL UNIQUE,
    file_name         TEXT    NOT NULL,
    title             TEXT,
    agency            TEXT,
    year              INTEGER,
    province          TEXT,
    city              TEXT,
    county            TEXT,
    region_code       TEXT,
    region_ambiguous  INTEGER NOT NULL DEFAULT 0,
    region_candidates TEXT    NOT NULL DEFAULT '[]', -- JSON array of {code, province, city, county}
    level             TEXT,
    template          TEXT,
    warnings          TEXT    NOT NULL DEFAULT '[]', -- JSON array of strings
    imported_at       TEXT    NOT NULL,
    parser_version    INTEGER NOT NULL,
    text              TEXT    NOT NULL
);

-- A merged bureau has several agency types; ordinal keeps the order of the name.
CREATE TABLE report_agency_types (
    report_id   INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    agency_type TEXT    NOT NULL,
    PRIMARY KEY (report_id, ordinal)
) WITHOUT ROWID;

-- One row per figure key of the report's template; value NULL = the template has the cell, the text does not give it.
CREATE TABLE figures (
    report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    key       TEXT    NOT NULL,
    ordinal   INTEGER NOT NULL, -- template order
    value     NUMERIC,
    PRIMARY KEY (report_id, key)
) WITHOUT ROWID;
CREATE INDEX figures_by_key ON figures (key, value);

CREATE TABLE checks (
    report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    ordinal   INTEGER NOT NULL,
    rule      TEXT    NOT NULL,
    ok        INTEGER NOT NULL,
    detail    TEXT    NOT NULL,
    PRIMARY KEY (report_id, ordinal)
) WITHOUT ROWID;

-- The full-text index: our analyzer's terms, space separated, keyed by the report's id. Contentless: the text lives
-- in reports.text only. The ascii tokenizer splits on spaces (the terms hold only letters, digits and marks).
CREATE VIRTUAL TABLE report_index USING fts5 (
    title, agency, body,
    content = '', contentless_delete = 1, tokenize = 'ascii', detail = full
);

-- Bumped by every write, so readers know when cached data is stale.
CREATE TABLE archive_state (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO archive_state (key, value) VALUES ('generation', 0);
