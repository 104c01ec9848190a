using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ReportArchive.Analysis.Conversion;
using ReportArchive.Analysis.Normalization;
using ReportArchive.Analysis.Segmentation;

// Segmentation throughput on one thread over the seed reports repeated to about 20 MB of UTF-8 text.
// MB = 1,000,000 bytes of the UTF-8 input, as jieba's published figures count. Prints the median of several runs.
// Usage: dotnet run -c Release --project bench/ReportArchive.Analysis.Benchmarks [-- --runs N --megabytes M]
var runs = ReadOption(args, "--runs", 7);
var targetMegabytes = ReadOption(args, "--megabytes", 20);

var loadWatch = Stopwatch.StartNew();
var managedBefore = GC.GetTotalMemory(forceFullCollection: true);
var segmenter = WordSegmenter.Default;
loadWatch.Stop();
var managedAfter = GC.GetTotalMemory(forceFullCollection: true);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"dictionary load: {loadWatch.Elapsed.TotalMilliseconds:F0} ms, {(managedAfter - managedBefore) / 1e6:F1} MB managed heap"));

var documents = LoadSeedDocuments();
var corpus = new List<string>();
long corpusBytes = 0;
while (corpusBytes < targetMegabytes * 1_000_000L)
{
    foreach (var document in documents)
    {
        corpus.Add(document);
        corpusBytes += Encoding.UTF8.GetByteCount(document);
    }
}
var corpusChars = corpus.Sum(d => (long)d.Length);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"corpus: {corpus.Count} documents (the {documents.Count} seed reports repeated), {corpusBytes / 1e6:F1} MB UTF-8, {corpusChars / 1e6:F1} M chars"));

Measure("normalize (with offset map)", () => corpus.Sum(d => (long)TextNormalizer.Normalize(d).Text.Length));
Measure("normalize to string", () => corpus.Sum(d => (long)TextNormalizer.NormalizeToString(d).Length));

var output = new List<Segment>(8192);
Measure("segment (reused output list)", () =>
{
    long count = 0;
    foreach (var document in corpus)
    {
        output.Clear();
        segmenter.Segment(document, output);
        count += output.Count;
    }
    return count;
});
Measure("segment (new list per call)", () => corpus.Sum(d => (long)segmenter.Segment(d).Count));
Measure("segment for search", () => corpus.Sum(d => (long)segmenter.SegmentForSearch(d).Count));
var traditional = corpus.Select(TraditionalToSimplifiedSample).ToList();
Measure("traditional to simplified", () => traditional.Sum(d => (long)TraditionalToSimplified.Convert(d).Length));

// jieba.NET (the C# port of jieba, same base dictionary and HMM) beside ours, on the same corpus and thread, and how
// often the two cut the real reports the same way.
var jieba = JiebaComparison.Create();
Measure("jieba.NET Cut (accurate mode, HMM)", () => corpus.Sum(d => (long)jieba.Cut(d).Count()));
Measure("jieba.NET CutForSearch", () => corpus.Sum(d => (long)jieba.CutForSearch(d).Count()));
JiebaComparison.PrintAgreement(jieba, segmenter, LoadRealReports());

void Measure(string name, Func<long> run)
{
    run(); // warm-up: JIT, tiering, lazily cached word strings
    var rates = new List<double>();
    long items = 0;
    long allocated = 0;
    for (var i = 0; i < runs; i++)
    {
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        items = run();
        watch.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        rates.Add(corpusBytes / 1e6 / watch.Elapsed.TotalSeconds);
    }
    rates.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name}: median {rates[rates.Count / 2]:F1} MB/s (min {rates[0]:F1}, max {rates[^1]:F1}, {runs} runs), {items} items/run, {allocated / (double)corpusBytes:F2} bytes allocated per input byte"));
}

// The seed reports normalised as the analyzer's input: NFKC, lower case, whitespace next to Han removed.
static List<string> LoadSeedDocuments()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "seeds")))
        directory = directory.Parent;
    var seeds = directory is null
        ? throw new DirectoryNotFoundException("Run from inside the repository: no seeds/ folder found.")
        : Path.Combine(directory.FullName, "seeds");
    var whitespaceNextToHan = new Regex(@"[ \t\u3000]+(?=[\u4E00-\u9FFF])|(?<=[\u4E00-\u9FFF])[ \t\u3000]+", RegexOptions.Compiled);
    return Directory.GetFiles(seeds, "*.txt")
        .Order(StringComparer.Ordinal)
        .Select(path => whitespaceNextToHan.Replace(File.ReadAllText(path).Normalize(NormalizationForm.FormKC).ToLowerInvariant(), ""))
        .ToList();
}

// The real reports of ../shared/real-reports, normalised like the seeds; none when the folder is not there.
static List<string> LoadRealReports()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "shared", "real-reports", "reports")))
        directory = directory.Parent;
    if (directory is null)
        return [];
    var whitespaceNextToHan = new Regex(@"[ \t\u3000]+(?=[\u4E00-\u9FFF])|(?<=[\u4E00-\u9FFF])[ \t\u3000]+", RegexOptions.Compiled);
    return Directory.GetFiles(Path.Combine(directory.FullName, "shared", "real-reports", "reports"), "*.txt")
        .Order(StringComparer.Ordinal)
        .Select(path => whitespaceNextToHan.Replace(File.ReadAllText(path).Normalize(NormalizationForm.FormKC).ToLowerInvariant(), ""))
        .ToList();
}

// A traditional-character version of a document, made by mapping a few common characters back.
static string TraditionalToSimplifiedSample(string document) =>
    document.Replace('开', '開').Replace('诉', '訴').Replace('讼', '訟').Replace('请', '請').Replace('报', '報');

static int ReadOption(string[] args, string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
