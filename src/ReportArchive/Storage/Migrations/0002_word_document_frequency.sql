-- How many reports contain each word (dictionary segmentation of the narrative), for TF-IDF keywords.
-- Reports imported before this migration are not counted until the archive is re-imported.
CREATE TABLE word_document_frequency (
    word      TEXT    PRIMARY KEY,
    documents INTEGER NOT NULL
) WITHOUT ROWID;
