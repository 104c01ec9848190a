-- Where each figure was read (issue 15): one row per report that has sources, the FigureSourceList encoding
-- (format byte, count, then key, flags, span start and length, and the table/row/column/sentence strings; a
-- sentence that is exactly the span of the text is cut from the text when read). Reports stored before have no
-- row and show an empty map.
CREATE TABLE report_figure_sources (
    report_id INTEGER PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
    sources   BLOB    NOT NULL
);
