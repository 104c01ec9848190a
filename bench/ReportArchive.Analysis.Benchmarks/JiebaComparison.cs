using System.Globalization;
using JiebaNet.Segmenter;
using ReportArchive.Analysis.Segmentation;

/// <summary>
/// jieba.NET beside our <see cref="WordSegmenter"/>: its dictionary files ship in the package's Resources folder and
/// are copied beside the benchmark (see the project file). Agreement is counted on Han words: a word of one
/// segmenter agrees when the other cut exactly the same span.
/// </summary>
internal static class JiebaComparison
{
    public static JiebaSegmenter Create()
    {
        ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "Resources");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var segmenter = new JiebaSegmenter();
        _ = segmenter.Cut("预热").Count();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"jieba.NET dictionary load: {watch.Elapsed.TotalMilliseconds:F0} ms"));
        return segmenter;
    }

    public static void PrintAgreement(JiebaSegmenter jieba, WordSegmenter ours, IReadOnlyList<string> documents)
    {
        if (documents.Count == 0)
        {
            Console.WriteLine("agreement: ../shared/real-reports not found, left out");
            return;
        }

        long same = 0, oursWords = 0, jiebaWords = 0;
        long domainWords = 0;
        var domain = new[] { "依申请公开", "政府信息公开", "不予公开", "行政复议", "行政诉讼", "信息处理费", "政务新媒体", "规范性文件", "予以公开", "部分公开" };
        foreach (var document in documents)
        {
            var ourSpans = ours.Segment(document).Where(s => IsHan(s.Text)).Select(s => (s.Start, s.Length)).ToHashSet();
            var jiebaSpans = jieba.Tokenize(document).Where(t => IsHan(t.Word)).Select(t => (t.StartIndex, t.EndIndex - t.StartIndex)).ToHashSet();
            oursWords += ourSpans.Count;
            jiebaWords += jiebaSpans.Count;
            same += ourSpans.Count(jiebaSpans.Contains);
        }

        var oursWhole = 0L;
        var jiebaWhole = 0L;
        foreach (var document in documents)
        {
            var ourSpans = ours.Segment(document).Select(s => (s.Start, s.Length)).ToHashSet();
            var jiebaSpans = jieba.Tokenize(document).Select(t => (t.StartIndex, t.EndIndex - t.StartIndex)).ToHashSet();
            foreach (var word in domain)
            {
                for (var at = document.IndexOf(word, StringComparison.Ordinal); at >= 0; at = document.IndexOf(word, at + 1, StringComparison.Ordinal))
                {
                    domainWords++;
                    oursWhole += ourSpans.Contains((at, word.Length)) ? 1 : 0;
                    jiebaWhole += jiebaSpans.Contains((at, word.Length)) ? 1 : 0;
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"agreement on {documents.Count} real reports: {same:N0} Han words cut identically; {same / (double)oursWords:P1} of ours ({oursWords:N0}), {same / (double)jiebaWords:P1} of jieba.NET's ({jiebaWords:N0})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"the template's terms ({string.Join(' ', domain)}) kept whole: ours {oursWhole:N0} of {domainWords:N0}, jieba.NET {jiebaWhole:N0} of {domainWords:N0}"));
    }

    private static bool IsHan(string text) => text.Length > 0 && text.All(c => c is >= '\u4E00' and <= '\u9FFF');
}
