-- The positional bigram index (ReportArchive.TextIndex): immutable segments, each the serialised index of a run of
-- reports (ascending ids first_report..last_report, `documents` of them). A merge replaces several rows by one with
-- a new id, so a reader can keep the segments it has already loaded by id.
CREATE TABLE text_index_segments (
    id           INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused: a reader caches segments by id
    first_report INTEGER NOT NULL,
    last_report  INTEGER NOT NULL,
    documents    INTEGER NOT NULL,
    bytes        BLOB    NOT NULL
);
