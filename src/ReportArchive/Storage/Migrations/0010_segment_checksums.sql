-- A checksum per text index segment (ReportArchive.TextIndex.SegmentChecksum, XXH3 64-bit of `bytes`): a flipped bit
-- inside a segment passes PRAGMA integrity_check, so every read of a segment verifies this instead. The code step
-- (SegmentChecksumMigration) computes it for the segments an older archive holds.
ALTER TABLE text_index_segments ADD COLUMN checksum INTEGER;
