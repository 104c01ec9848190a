namespace ReportArchive.Benchmarks.Lucene;

/// <summary>
/// Building one Lucene index from the texts our import stored: the time of analysis, inversion, commit and merges
/// only (reading the texts back from the archive is not counted), on one thread, and the index's size on disk
/// (stored text included, as our database holds it).
/// </summary>
internal sealed record LuceneIndexing(int Documents, double Seconds, long CorpusBytes, long TextChars, long IndexBytes, int Segments)
{
    /// <summary>The corpus's size over the indexing time, as our import rate is the corpus's size over the import's time.</summary>
    public double CorpusMiBPerSecond => CorpusBytes / 1048576.0 / Seconds;

    public double IndexToCorpus => (double)IndexBytes / CorpusBytes;
}
