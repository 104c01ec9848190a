namespace ReportArchive.Analysis.Segmentation;

/// <summary>One line of a jieba-format dictionary: a word and, when the line gives it, its frequency.</summary>
internal readonly record struct UserDictionaryEntry(string Word, long? Frequency);
