using System.Text;

namespace ReportArchive.Corpus.Reports;

/// <summary>
/// What PDF and Word extraction does to prose: lines wrapped at a fixed width inside words (with blank lines between
/// page breaks), characters of headings spaced out, spaces around numbers.
/// </summary>
internal static class ExtractionNoise
{
    public static string WrapLines(string paragraph, Random random)
    {
        var width = random.Next(24, 46);
        var text = new StringBuilder(paragraph.Length + paragraph.Length / width * 2);
        var column = 0;
        foreach (var c in paragraph)
        {
            text.Append(c);
            column = c == '\n' ? 0 : column + 1;
            if (column >= width)
            {
                text.Append(random.NextDouble() < 0.15 ? "\n\n" : "\n");
                column = 0;
            }
        }

        return text.ToString();
    }

    public static string SpaceOut(string heading) => string.Join(' ', heading.ToCharArray());

    public static string SpaceNumbers(string text, Random random) =>
        random.NextDouble() < 0.5 ? text : System.Text.RegularExpressions.Regex.Replace(text, @"(\d+)(年|月|日|条|件)", "$1 $2");
}
