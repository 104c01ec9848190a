using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using ReportArchive.Corpus.Reports;
using ReportArchive.Corpus.Tables;
using ReportArchive.Evaluation;
using ReportArchive.Ingestion;
using ReportArchive.Ingestion.Formats;

namespace ReportArchive.Benchmarks;

/// <summary>
/// <c>--pdf-readers DIR</c>: the PDF readers side by side on the same PDFs in one run — poppler's
/// <c>pdftotext -layout</c>, <c>-raw</c> and the two combined as the archive read PDFs before (raw when layout loses
/// figures), and PdfPig's letters rebuilt by position, in drawing order, and the two combined (what the archive reads
/// with). The PDFs are printed by Debian's Chromium (headless) into DIR once, from
/// <list type="bullet">
/// <item>the real pages <c>real-reports/html/*.html</c>, scored against <c>expected/NNN.json</c> by the evaluate
/// command's <see cref="ReportScorer"/>;</item>
/// <item>the real texts <c>real-reports/reports/*.txt</c> (each line a paragraph), scored the same way, beside the
/// score of the text itself;</item>
/// <item>the repository's seeds 000, 003, 004 and generated reports with tab-separated or HTML tables and no defect
/// (tables as HTML tables), scored against every figure they determine.</item>
/// </list>
/// Prints figures right / wrong / missing (the 11 headline figures, and all figures) and the median time per PDF.
/// </summary>
internal static class PdfReaderComparison
{
    private static readonly ReportParser Parser = new();

    public static bool Requested(string[] args, out string directory)
    {
        var at = Array.IndexOf(args, "--pdf-readers");
        directory = at >= 0 && at + 1 < args.Length ? args[at + 1] : Path.Combine(Path.GetTempPath(), "reportarchive-pdf-readers");
        return at >= 0;
    }

    public static void Run(string directory, string[] args, int seed, int rounds)
    {
        var realReports = Option(args, "--real-reports") ?? FindUp(Path.Combine("shared", "real-reports"))
            ?? throw new DirectoryNotFoundException("no real-reports folder: pass --real-reports DIR");
        var generatedCount = Option(args, "--generated") is { } g ? int.Parse(g, CultureInfo.InvariantCulture) : 12;
        Directory.CreateDirectory(directory);
        Console.WriteLine(Invariant($"PDF readers: PDFs in {directory}, real reports from {realReports}, {rounds} rounds per reading"));

        var cases = new List<PdfCase>();
        foreach (var html in Directory.GetFiles(Path.Combine(realReports, "html"), "*.html").Order(StringComparer.Ordinal))
        {
            var id = Path.GetFileNameWithoutExtension(html);
            cases.Add(new PdfCase("real page", $"html-{id}", Print(html, directory, $"html-{id}"), Expected(realReports, id), null, null));
        }

        foreach (var txt in Directory.GetFiles(Path.Combine(realReports, "reports"), "*.txt").Order(StringComparer.Ordinal))
        {
            var id = Path.GetFileNameWithoutExtension(txt);
            var text = File.ReadAllText(txt);
            var page = WriteHtml(directory, $"text-{id}", Paragraphs(text));
            cases.Add(new PdfCase("real text", $"text-{id}", Print(page, directory, $"text-{id}"), Expected(realReports, id), null, text));
        }

        var seeds = Path.Combine(FindUp("seeds") ?? throw new DirectoryNotFoundException("no seeds folder"));
        foreach (var id in (string[])["000", "003", "004"])
        {
            var text = File.ReadAllText(Directory.GetFiles(seeds, id + "_*.txt").Single());
            var truth = Parser.Parse(text).Figures.Figures.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value!.Value);
            var page = WriteHtml(directory, $"seed-{id}", TabsAsTables(text));
            cases.Add(new PdfCase("generated", $"seed-{id}", Print(page, directory, $"seed-{id}"), null, truth, null));
        }

        var generated = new ReportCorpusGenerator(seed).Generate(int.MaxValue)
            .Where(r => r.Tables.Defect is TableDefect.None && r.Tables.Layout is TableLayout.TabSeparated or TableLayout.Html)
            .Take(generatedCount);
        foreach (var report in generated)
        {
            var name = Path.GetFileNameWithoutExtension(report.FileName);
            var truth = report.Tables.Figures.Where(f => report.Tables.Determinable.Contains(f.Key)).ToDictionary(f => f.Key, f => f.Value);
            var page = WriteHtml(directory, name, TabsAsTables(report.Text));
            cases.Add(new PdfCase("generated", name, Print(page, directory, name), null, truth, null));
        }

        var readers = Readers();
        var scores = new Dictionary<(string Reader, string Case), CaseScore>();
        foreach (var pdf in cases)
        {
            var bytes = File.ReadAllBytes(pdf.Path);
            foreach (var (name, read) in readers)
            {
                var times = new List<double>();
                string? text = null;
                string? error = null;
                for (var round = 0; round < rounds; round++)
                {
                    var watch = Stopwatch.StartNew();
                    try
                    {
                        text = read(pdf.Path, bytes);
                    }
                    catch (InvalidReportFileException exception)
                    {
                        error = exception.Message;
                    }

                    times.Add(watch.Elapsed.TotalMilliseconds);
                }

                scores[(name, pdf.Name)] = Score(pdf, text ?? string.Empty) with { Milliseconds = Statistics.Median(times), Error = error };
            }
        }

        Console.WriteLine();
        foreach (var group in cases.GroupBy(c => c.Group))
        {
            var list = group.ToList();
            var headline = list.Sum(c => scores[(readers[0].Name, c.Name)].HeadlineExpected);
            var all = list.Sum(c => scores[(readers[0].Name, c.Name)].AllExpected);
            Console.WriteLine(Invariant($"{group.Key}: {list.Count} PDFs, {headline} headline figures expected, {all} figures in all"));
            Console.WriteLine("| reader | headline right | wrong | missing | all right | wrong | missing | given where none | PDFs read in full | median ms / PDF |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
            if (group.Key == "real text")
            {
                var fromText = list.Select(c => Score(c, c.SourceText!)).ToList();
                Console.WriteLine(Row("(the .txt itself, no PDF)", fromText, double.NaN));
            }

            foreach (var (name, _) in readers)
            {
                var row = list.Select(c => scores[(name, c.Name)]).ToList();
                Console.WriteLine(Row(name, row, Statistics.Median(row.Select(s => s.Milliseconds).ToList())));
            }

            Console.WriteLine();
        }

        Console.WriteLine("per PDF, all figures right (of expected) by reader; * = figures wrong or given where none:");
        Console.WriteLine("| PDF | expected | " + string.Join(" | ", readers.Select(r => r.Name)) + " |");
        Console.WriteLine("|---|---|" + string.Concat(readers.Select(_ => "---|")));
        foreach (var pdf in cases)
        {
            var cells = readers.Select(r => scores[(r.Name, pdf.Name)]).Select(s =>
                s.Error is not null ? "error" : Invariant($"{s.AllRight}{(s.AllWrong + s.GivenWhereNone > 0 ? $" *{s.AllWrong + s.GivenWhereNone}" : "")}"));
            Console.WriteLine(Invariant($"| {pdf.Name} | {scores[(readers[0].Name, pdf.Name)].AllExpected} | {string.Join(" | ", cells)} |"));
        }
    }

    private static string Row(string name, List<CaseScore> row, double median) => Invariant(
        $"| {name} | {row.Sum(s => s.HeadlineRight)} | {row.Sum(s => s.HeadlineWrong)} | {row.Sum(s => s.HeadlineExpected - s.HeadlineRight - s.HeadlineWrong)} | {row.Sum(s => s.AllRight)} | {row.Sum(s => s.AllWrong)} | {row.Sum(s => s.AllExpected - s.AllRight - s.AllWrong)} | {row.Sum(s => s.GivenWhereNone)} | {row.Count(s => s.AllRight == s.AllExpected && s.AllWrong == 0 && s.GivenWhereNone == 0)} of {row.Count} | {(double.IsNaN(median) ? "–" : median.ToString("F1", CultureInfo.InvariantCulture))} |");

    /// <summary>The readers compared: name, and a reading of (path, bytes).</summary>
    private static List<(string Name, Func<string, byte[], string> Read)> Readers()
    {
        List<(string Name, Func<string, byte[], string> Read)> pdfPig =
        [
            ("PdfPig by position", (_, bytes) => PdfTextExtractor.Read(bytes, PdfTextExtractor.Reading.ByPosition)),
            ("PdfPig in drawing order", (_, bytes) => PdfTextExtractor.Read(bytes, PdfTextExtractor.Reading.InDrawingOrder)),
            ("PdfPig by position, drawing order when it loses figures (now)", (_, bytes) => PdfTextExtractor.Extract(bytes).Text),
        ];
        if (!PdftotextInstalled())
        {
            Console.WriteLine("pdftotext not installed (Debian: poppler-utils): its readings are left out");
            return pdfPig;
        }

        return
        [
        ("pdftotext -layout", (path, _) => Pdftotext(path, "-layout")),
        ("pdftotext -raw", (path, _) => Pdftotext(path, "-raw")),
        ("pdftotext -layout, -raw when it loses figures (before)", (path, _) =>
            PdfTextExtractor.ChooseReading(Pdftotext(path, "-layout"), () => Pdftotext(path, "-raw"), "pdftotext -layout", "pdftotext -raw").Text),
        .. pdfPig,
        ];
    }

    private static bool PdftotextInstalled()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", "-v") { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.WaitForExit();
            return true;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static CaseScore Score(PdfCase pdf, string text)
    {
        var parsed = Parser.Parse(text);
        var figures = parsed.Figures.Figures;
        if (pdf.Expected is { } expected)
        {
            var score = ReportScorer.Score(pdf.Name, expected, parsed.Metadata, figures);
            return new CaseScore(score.FiguresRight, score.FiguresWrong, score.FiguresExpected, score.FiguresRight, score.FiguresWrong, score.FiguresExpected)
            {
                GivenWhereNone = score.FiguresGivenWhereNull,
            };
        }

        var truth = pdf.Truth!;
        var headlineKeys = ExpectedFigureNames.All.Select(n => n.Key).Where(truth.ContainsKey).ToList();
        int Right(IEnumerable<string> keys) => keys.Count(k => figures.GetValueOrDefault(k) == truth[k]);
        int Wrong(IEnumerable<string> keys) => keys.Count(k => figures.GetValueOrDefault(k) is { } v && v != truth[k]);
        return new CaseScore(Right(headlineKeys), Wrong(headlineKeys), headlineKeys.Count, Right(truth.Keys), Wrong(truth.Keys), truth.Count);
    }

    private static ExpectedReport Expected(string realReports, string id) =>
        ExpectedReportReader.Read(id, File.ReadAllText(Path.Combine(realReports, "expected", id + ".json")));

    /// <summary>Prints an HTML file to DIR/NAME.pdf with headless Chromium, unless that PDF is there already.</summary>
    private static string Print(string html, string directory, string name)
    {
        var pdf = Path.Combine(directory, name + ".pdf");
        if (File.Exists(pdf))
        {
            return pdf;
        }

        var profile = Directory.CreateTempSubdirectory("reportarchive-chromium-");
        try
        {
            var start = new ProcessStartInfo("chromium") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                         $"--user-data-dir={profile.FullName}", $"--print-to-pdf={pdf}", new Uri(Path.GetFullPath(html)).AbsoluteUri])
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)) || !File.Exists(pdf))
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"chromium did not print {html}");
            }
        }
        finally
        {
            profile.Delete(recursive: true);
        }

        return pdf;
    }

    private static string WriteHtml(string directory, string name, string body)
    {
        var path = Path.Combine(directory, name + ".html");
        File.WriteAllText(path, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>报告</title>"
            + "<style>body { font-family: 'WenQuanYi Zen Hei', sans-serif; font-size: 11pt } table { border-collapse: collapse } td { border: 1px solid; padding: 2px 4px }</style></head>\n<body>\n"
            + body + "</body></html>\n");
        return path;
    }

    private static string Paragraphs(string text) =>
        string.Concat(text.ReplaceLineEndings("\n").Split('\n').Where(l => l.Trim().Length > 0).Select(l => $"<p>{WebUtility.HtmlEncode(l)}</p>\n"));

    /// <summary>Consecutive lines holding tabs become the rows of one table, HTML passes through, every other line is a paragraph.</summary>
    private static string TabsAsTables(string text)
    {
        var html = new StringBuilder();
        var inTable = false;
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var isRow = line.Contains('\t', StringComparison.Ordinal);
            if (isRow != inTable)
            {
                html.Append(isRow ? "<table>\n" : "</table>\n");
                inTable = isRow;
            }

            if (isRow)
            {
                html.Append("<tr>").AppendJoin("", line.Split('\t').Select(c => $"<td>{WebUtility.HtmlEncode(c)}</td>")).Append("</tr>\n");
            }
            else if (line.TrimStart().StartsWith('<'))
            {
                html.Append(line).Append('\n');
            }
            else if (line.Trim().Length > 0)
            {
                html.Append("<p>").Append(WebUtility.HtmlEncode(line)).Append("</p>\n");
            }
        }

        return html.Append(inTable ? "</table>\n" : "").ToString();
    }

    private static string Pdftotext(string path, string reading)
    {
        var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
        foreach (var argument in (string[])[reading, "-enc", "UTF-8", "-q", path, "-"])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync();
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text.Replace('\f', '\n');
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    /// <summary>The first <paramref name="relative"/> folder in the current directory or one above it.</summary>
    private static string? FindUp(string relative)
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, relative);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record PdfCase(string Group, string Name, string Path, ExpectedReport? Expected, IReadOnlyDictionary<string, decimal>? Truth, string? SourceText);

    private sealed record CaseScore(int HeadlineRight, int HeadlineWrong, int HeadlineExpected, int AllRight, int AllWrong, int AllExpected)
    {
        public double Milliseconds { get; init; }

        public string? Error { get; init; }

        /// <summary>Figures read where the expected file says the report states none (real reports only).</summary>
        public int GivenWhereNone { get; init; }
    }
}
