using System.Globalization;
using System.Text;
using ReportArchive.Corpus.Reports;

namespace ReportArchive.Benchmarks;

/// <summary>Writes N generated reports as UTF-8 files, a thousand a folder, and says how many bytes they take.</summary>
internal static class CorpusWriter
{
    public static CorpusResult Write(string directory, int count, int seed)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        long bytes = 0;
        var index = 0;
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        foreach (var report in new ReportCorpusGenerator(seed).Generate(count))
        {
            var folder = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{index / 1000:D3}"));
            if (index % 1000 == 0)
            {
                Directory.CreateDirectory(folder);
            }

            var content = utf8.GetBytes(report.Text);
            File.WriteAllBytes(Path.Combine(folder, report.FileName), content);
            bytes += content.Length;
            index++;
        }

        return new CorpusResult(count, bytes, clock.Elapsed.TotalSeconds);
    }

    public static CorpusResult Measure(string directory)
    {
        var files = Directory.GetFiles(directory, "*.txt", SearchOption.AllDirectories);
        return new CorpusResult(files.Length, files.Sum(f => new FileInfo(f).Length), 0);
    }
}

internal sealed record CorpusResult(int Reports, long Bytes, double GenerateSeconds)
{
    public double MiB => Bytes / 1048576.0;
}
