using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace ReportArchive.Ingestion.Formats;

/// <summary>
/// The text of a PDF through poppler's <c>pdftotext -layout</c> (columns kept apart by spaces, pages by form
/// feeds turned into line breaks). Without pdftotext on the PATH a PDF cannot be read, and the file says so.
/// </summary>
internal static class PdfTextExtractor
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>A report's text is well under a megabyte; a PDF that makes pdftotext write more is not read.</summary>
    private const int MaxOutputChars = 32 * 1024 * 1024;

    public static string Extract(byte[] bytes)
    {
        if (!bytes.AsSpan().StartsWith("%PDF-"u8) && bytes.AsSpan(0, Math.Min(bytes.Length, 1024)).IndexOf("%PDF-"u8) < 0)
        {
            throw new InvalidReportFileException("not a PDF file (no %PDF- header)");
        }

        var path = Path.Combine(Path.GetTempPath(), $"reportarchive-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, bytes);
        try
        {
            return Run(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Run(string path)
    {
        var start = new ProcessStartInfo("pdftotext")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in (string[])["-layout", "-enc", "UTF-8", "-q", path, "-"])
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
}
