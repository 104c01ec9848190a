using System.Diagnostics;
using System.Text;
using ReportArchive.Figures;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace ReportArchive.Ingestion.Formats;

/// <summary>
/// The text of a PDF, read in process by PdfPig: each page's letters with their positions rebuilt into lines by
/// baseline and cells by horizontal gaps (<see cref="PdfLetterLayout.ByPosition"/>), pages in order. When that
/// reading loses part of the tables (an empty cell, or a template identity that fails), the letters are read a second
/// way, in the order the PDF draws them (<see cref="PdfLetterLayout.InDrawingOrder"/>), and the reading with more
/// figures whose identities hold is kept, with a warning that says which. Measured against poppler's pdftotext
/// (which it replaced) by <c>bench/ReportArchive.Benchmarks -- --pdf-readers</c>; see the README.
/// Bounds against hostile PDFs: 64 MB of decoded streams, 5,000 pages, 32 M characters of text and 60 s, each
/// checked as the reading goes; a PDF past one, or one PdfPig cannot parse, is refused with the reason.
/// </summary>
internal static class PdfTextExtractor
{
    public const string PositionReading = "letters by position";
    public const string DrawingOrderReading = "letters in drawing order";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>A report's text is well under a megabyte; a PDF that gives more is not read.</summary>
    private const int MaxOutputChars = 32 * 1024 * 1024;

    private const int MaxPages = 5_000;

    private const long MaxDecodedBytes = 64L * 1024 * 1024;

    private static readonly FigureTableExtractor Figures = new();

    /// <summary>How the letters of a page are put in order.</summary>
    internal enum Reading
    {
        ByPosition,
        InDrawingOrder,
    }

    /// <summary>The text, and a warning naming the reading kept when a second one was tried (else null).</summary>
    public static (string Text, string? Warning) Extract(byte[] bytes)
    {
        var pages = Letters(bytes);
        return ChooseReading(Text(pages, Reading.ByPosition), () => Text(pages, Reading.InDrawingOrder), PositionReading, DrawingOrderReading);
    }

    /// <summary>The text of every page, read one way; an unreadable PDF or one past a bound is refused with the reason.</summary>
    internal static string Read(byte[] bytes, Reading reading) => Text(Letters(bytes), reading);

    private static string Text(List<IReadOnlyList<Letter>> pages, Reading reading)
    {
        var text = new StringBuilder();
        foreach (var letters in pages)
        {
            if (reading is Reading.ByPosition)
            {
                PdfLetterLayout.ByPosition(letters, text);
            }
            else
            {
                PdfLetterLayout.InDrawingOrder(letters, text);
            }
        }

        return text.ToString();
    }

    /// <summary>Every page's letters, in order; the PDF is parsed once whichever readings follow.</summary>
    private static List<IReadOnlyList<Letter>> Letters(byte[] bytes)
    {
        CheckHeader(bytes);
        var watch = Stopwatch.StartNew();
        var pages = new List<IReadOnlyList<Letter>>();
        long characters = 0;
        try
        {
            var options = new ParsingOptions
            {
                UseLenientParsing = true,
                SkipMissingFonts = true,
                FilterProvider = new BoundedFilterProvider(new ReadBudget(MaxDecodedBytes, "the PDF's streams")),
            };
            using var document = PdfDocument.Open(bytes, options);
            if (document.NumberOfPages > MaxPages)
            {
                throw new InvalidReportFileException($"the PDF has {document.NumberOfPages:N0} pages, more than the {MaxPages:N0} a report may have");
            }

            for (var number = 1; number <= document.NumberOfPages; number++)
            {
                var letters = document.GetPage(number).Letters;
                pages.Add(letters);
                characters += letters.Count;
                if (characters > MaxOutputChars)
                {
                    throw new InvalidReportFileException($"the PDF gives more than {MaxOutputChars:N0} characters of text");
                }

                if (watch.Elapsed > Timeout)
                {
                    throw new InvalidReportFileException($"the PDF could not be read within {Timeout.TotalSeconds:N0} s (page {number:N0} of {document.NumberOfPages:N0})");
                }
            }
        }
        catch (Exception exception) when (exception is not (InvalidReportFileException or OutOfMemoryException))
        {
            throw new InvalidReportFileException($"the PDF could not be read: {exception.Message}");
        }

        return pages;
    }

    /// <summary>
    /// Keeps the first reading unless it lost part of the tables (a cell of the template left empty, or a figure a
    /// failing template identity puts in doubt) and the second reading gives more figures whose identities hold. A tie
    /// keeps the first; a first reading with every cell read and every identity holding is the only one read.
    /// </summary>
    internal static (string Text, string? Warning) ChooseReading(string first, Func<string> readSecond, string firstName, string secondName)
    {
        var firstScore = ReadingScore.Of(Figures.Extract(first));
        if (firstScore.Cells > 0 && firstScore.Holding == firstScore.Cells)
        {
            return (first, null);
        }

        var second = readSecond();
        var secondScore = ReadingScore.Of(Figures.Extract(second));
        var comparison = $"figures whose identities hold: {firstName} {firstScore}, {secondName} {secondScore}";
        return secondScore.Holding > firstScore.Holding
            ? (second, $"PDF: text read as {secondName} ({comparison})")
            : (first, $"PDF: text read as {firstName} ({comparison})");
    }

    private static void CheckHeader(byte[] bytes)
    {
        if (!bytes.AsSpan().StartsWith("%PDF-"u8) && bytes.AsSpan(0, Math.Min(bytes.Length, 1024)).IndexOf("%PDF-"u8) < 0)
        {
            throw new InvalidReportFileException("not a PDF file (no %PDF- header)");
        }
    }

    /// <summary>Of a reading: figures whose identities hold, figures read, cells of the template.</summary>
    private readonly record struct ReadingScore(int Holding, int Figures, int Cells)
    {
        public static ReadingScore Of(FigureExtraction extraction) =>
            new(IdentityTerms.FiguresWhoseIdentitiesHold(extraction), extraction.Figures.Values.Count(v => v is not null), extraction.Figures.Count);

        public override string ToString() => $"{Holding} of {Figures}";
    }
}
