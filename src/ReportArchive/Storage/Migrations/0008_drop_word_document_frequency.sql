-- Keyword document frequencies now come from the text index (TextIndexSnapshot.DocumentFrequency): the import no
-- longer segments every report into words to keep this table.
DROP TABLE IF EXISTS word_document_frequency;
