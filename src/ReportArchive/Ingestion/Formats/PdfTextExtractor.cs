using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using ReportArchive.Figures;

namespace ReportArchive.Ingestion.Formats;

/// <summary>
/// The text of a PDF through poppler's <c>pdftotext -layout</c> (columns kept apart by spaces, pages by form
/// feeds turned into line breaks). Without pdftotext on the PATH a PDF cannot be read, and the file says so.
/// When that reading loses part of the tables (an empty cell, or a template identity that fails), the PDF is read a second
/// way, <c>pdftotext -raw</c> (text in the order the PDF draws it), and the reading with more figures whose
/// identities hold is kept, with a warning that says which.
/// </summary>
internal static class PdfTextExtractor
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>A report's text is well under a megabyte; a PDF that makes pdftotext write more is not read.</summary>
    private const int MaxOutputChars = 32 * 1024 * 1024;

    private static readonly FigureTableExtractor Figures = new();

    /// <summary>The text, and a warning naming the reading kept when a second one was tried (else null).</summary>
    public static (string Text, string? Warning) Extract(byte[] bytes)
    {
        if (!bytes.AsSpan().StartsWith("%PDF-"u8) && bytes.AsSpan(0, Math.Min(bytes.Length, 1024)).IndexOf("%PDF-"u8) < 0)
        {
            throw new InvalidReportFileException("not a PDF file (no %PDF- header)");
        }

        var path = Path.Combine(Path.GetTempPath(), $"reportarchive-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, bytes);
        try
        {
            var layout = Run(path, "-layout");
            return ChooseReading(layout, () => ReadRaw(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>poppler's raw reading: text in content-stream order, each row's cells together when the PDF draws them so.</summary>
    private static string ReadRaw(string path) => Run(path, "-raw");

    /// <summary>
    /// Keeps the layout reading unless it lost part of the tables (a cell of the template left empty, or a figure a
    /// failing template identity puts in doubt) and the raw reading gives more figures whose identities hold. A tie
    /// keeps the layout reading; a layout reading with every cell read and every identity holding is the only one read.
    /// </summary>
    internal static (string Text, string? Warning) ChooseReading(string layout, Func<string> readRaw)
    {
        var layoutScore = ReadingScore.Of(Figures.Extract(layout));
        if (layoutScore.Cells > 0 && layoutScore.Holding == layoutScore.Cells)
        {
            return (layout, null);
        }

        var raw = readRaw();
        var rawScore = ReadingScore.Of(Figures.Extract(raw));
        var comparison = $"figures whose identities hold: -layout {layoutScore}, -raw {rawScore}";
        return rawScore.Holding > layoutScore.Holding
            ? (raw, $"PDF: text read with pdftotext -raw ({comparison})")
            : (layout, $"PDF: text read with pdftotext -layout ({comparison})");
    }

    private static string Run(string path, string reading)
    {
        var start = new ProcessStartInfo("pdftotext")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in (string[])[reading, "-enc", "UTF-8", "-q", path, "-"])
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidReportFileException("pdftotext could not be started");
        }
        catch (Win32Exception)
        {
            throw new InvalidReportFileException("PDF files need poppler's pdftotext, which is not installed (Debian: apt-get install poppler-utils)");
        }

        using (process)
        {
            var output = ReadBoundedAsync(process.StandardOutput, MaxOutputChars);
            var errors = ReadBoundedAsync(process.StandardError, 64 * 1024);
            if (output.Wait(Timeout) && output.Result is null)
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidReportFileException($"pdftotext wrote more than {MaxOutputChars:N0} characters for the PDF");
            }

            if (!output.IsCompleted || !process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidReportFileException($"pdftotext did not finish reading the PDF within {Timeout.TotalSeconds:N0} s");
            }

            var text = output.Result!;
            if (process.ExitCode != 0)
            {
                throw new InvalidReportFileException($"pdftotext could not read the PDF (exit code {process.ExitCode}): {errors.GetAwaiter().GetResult()?.Trim()}");
            }

            return text.Replace('\f', '\n');
        }
    }

    /// <summary>The whole output, or null as soon as it passes the limit (the caller then kills the process).</summary>
    private static async Task<string?> ReadBoundedAsync(StreamReader reader, int maxChars)
    {
        var buffer = new char[64 * 1024];
        var text = new StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            if (text.Length + read > maxChars)
            {
                return null;
            }

            text.Append(buffer, 0, read);
        }

        return text.ToString();
    }

    /// <summary>Of a reading: figures whose identities hold, figures read, cells of the template.</summary>
    private readonly record struct ReadingScore(int Holding, int Figures, int Cells)
    {
        public static ReadingScore Of(FigureExtraction extraction) =>
            new(IdentityTerms.FiguresWhoseIdentitiesHold(extraction), extraction.Figures.Values.Count(v => v is not null), extraction.Figures.Count);

        public override string ToString() => $"{Holding} of {Figures}";
    }
}
