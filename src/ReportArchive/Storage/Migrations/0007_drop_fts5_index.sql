-- The FTS5 index is replaced by our own positional bigram index (text_index_segments, migration 0006): FTS5 could not
-- reach the search, size and import targets at 100,000 reports (docs/performance.md). Opening an archive of an older
-- schema indexes its reports into segments from their stored texts (ReportStore).
DROP TABLE IF EXISTS report_index;
