-- Measured at 100,000 reports (docs/performance.md): the (key, value) index on figures more than doubled the write
-- cost per report and no search needs it badly; the failed-check count per report is kept on the report row so the
-- in-memory catalog loads without grouping millions of check rows.
DROP INDEX IF EXISTS figures_by_key;
ALTER TABLE reports ADD COLUMN failed_checks INTEGER NOT NULL DEFAULT 0;
UPDATE reports SET failed_checks = (SELECT count(*) FROM checks WHERE checks.report_id = reports.id AND checks.ok = 0);
