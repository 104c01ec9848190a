-- Figure sources of format 2 (FigureSourceList: references into the append-only string file, differences, Brotli):
-- about 0.3 KB a report instead of format 1's 19 KB, which had made archives five times their corpus. The code step
-- (FigureSourceFormatMigration) re-encodes every format-1 row with its report's text; the database is vacuumed after.
SELECT 1;
