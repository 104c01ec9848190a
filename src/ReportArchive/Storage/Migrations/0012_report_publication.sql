-- A report's publication date and source address (issue 15): what the page states (发布时间, 原文链接), read by the
-- parser. published_at is an ISO date (yyyy-MM-dd); source_url the page's address. The address an upload gives stays in
-- report_sources.source_url and wins when the report is read.
ALTER TABLE reports ADD COLUMN published_at TEXT;
ALTER TABLE reports ADD COLUMN source_url TEXT;
