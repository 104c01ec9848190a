using ReportArchive.Analysis.Normalization;
using ReportArchive.Analysis.Segmentation;
using ReportArchive.Documents;
using ReportArchive.Search.Ranking;
using ReportArchive.Storage;
using ReportArchive.TextIndex;

namespace ReportArchive.Keywords;

/// <summary>
/// A report's keywords: what it talks about that other reports do not. Words come from dictionary segmentation;
/// single characters, numbers, stop words and every word of the template's fixed wording are left out; the score
/// is TF-IDF, tf = occurrences in the report, idf = ln(1 + N / df) over the archive's reports (df from the text index).
/// </summary>
public sealed class KeywordExtractor(WordSegmenter segmenter)
{
    /// <summary>Common words of these reports that say nothing about one of them.</summary>
    private static readonly string[] StopWords =
    [
        "我们", "我局", "本局", "本单位", "工作", "进一步", "加强", "开展", "推进", "做好", "落实", "情况", "相关", "有关",
        "及时", "全面", "不断", "提高", "提升", "确保", "按照", "根据", "以及", "通过", "进行", "一是", "二是", "三是", "四是",
        "五是", "六是", "七是", "其中", "同时", "已经", "没有", "发生", "存在", "方面", "主要", "问题", "改进", "要求",
        "规定", "制度", "机制", "条例", "中华人民共和国", "年度", "本年度", "全年", "本报告", "报告", "政府", "信息", "公开",
        "政务", "单位", "部门", "工作人员", "下一步", "政府信息公开", "政府信息公开工作", "信息公开", "政务公开", "政务公开工作", "持续", "严格", "认真", "积极", "充分", "切实", "有效", "规范", "依法",
    ];

    private readonly HashSet<string> _excluded = BuildExcluded(segmenter);

    public static KeywordExtractor Default { get; } = new(WordSegmenter.Default);

    /// <summary>The best <paramref name="count"/> keywords, given each word's document frequency and the archive's size.</summary>
    public IReadOnlyList<Keyword> Top(
        string text, Func<IReadOnlyCollection<string>, IReadOnlyDictionary<string, long>> documentFrequencies, long documents, int count = 10)
    {
        ArgumentNullException.ThrowIfNull(documentFrequencies);
        var counts = Count(TextNormalizer.NormalizeToString(text));
        var frequencies = documentFrequencies(counts.Keys);
        return counts
            .Select(pair => new Keyword(pair.Key, pair.Value,
                Math.Round(pair.Value * Math.Log(1 + (double)Math.Max(documents, 1) / Math.Max(frequencies.GetValueOrDefault(pair.Key), 1)), 4)))
            .OrderByDescending(k => k.Score)
            .ThenBy(k => k.Word, StringComparer.Ordinal)
            .Take(count)
            .ToList();
    }

    /// <summary>
    /// The keywords of a stored report, scored against the archive: a word's document frequency is the number of
    /// reports whose text contains it, read from the text index (<see cref="TextIndexSnapshot.DocumentFrequency(string)"/>).
    /// </summary>
    public IReadOnlyList<Keyword> For(StoredReport report, ReportStore store, int count = 10)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(store);
        using var connection = store.Database.OpenConnection();
        var index = store.TextIndex.Load(connection);
        return Top(report.Text, words => words.ToDictionary(w => w, index.DocumentFrequency, StringComparer.Ordinal), index.TotalDocuments, count);
    }

    private Dictionary<string, int> Count(string normalizedText)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var segment in segmenter.Segment(normalizedText))
        {
            if (segment.Length >= 2 && IsAllHan(segment.Text) && !_excluded.Contains(segment.Text))
            {
                counts[segment.Text] = counts.GetValueOrDefault(segment.Text) + 1;
            }
        }

        return counts;
    }

    private static bool IsAllHan(string word) => word.EnumerateRunes().All(r => CharacterClass.IsHan(r.Value));

    private static HashSet<string> BuildExcluded(WordSegmenter segmenter)
    {
        var excluded = new HashSet<string>(StopWords, StringComparer.Ordinal);
        foreach (var phrase in TemplateBoilerplate.Default.Wording)
        {
            excluded.Add(phrase);
            foreach (var segment in segmenter.Segment(phrase))
            {
                excluded.Add(segment.Text);
            }
        }

        return excluded;
    }
}
