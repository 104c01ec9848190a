using Lucene.Net.Analysis;

namespace ReportArchive.Benchmarks.Lucene;

/// <summary>The analyzer equivalent to our text index: <see cref="ExactBigramTokenizer"/> alone, no filters.</summary>
internal sealed class ExactBigramAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new ExactBigramTokenizer(reader));
}
