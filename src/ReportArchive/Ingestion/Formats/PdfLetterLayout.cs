using System.Text;
using UglyToad.PdfPig.Content;

namespace ReportArchive.Ingestion.Formats;

/// <summary>
/// Rebuilds the text of one PDF page from its letters and their positions (PdfPig), two ways:
/// <list type="bullet">
/// <item><see cref="ByPosition"/>: letters on one baseline (within 0.4 of their size) form a line, lines run top to
/// bottom, letters left to right; a horizontal gap of more than one em between two letters ends a cell (a tab), a
/// smaller gap of more than a fifth of an em is a space; a line without cells that reaches the right edge of the page's
/// text runs on into the next one starting at the left edge (the page wrapped it). Tables drawn labels first read as
/// drawn on paper.</item>
/// <item><see cref="InDrawingOrder"/>: letters in the order the page draws them; a line ends where the next letter
/// goes back left or moves off the baseline by more than 0.4 of its size from the letter before it. A row whose
/// cells sit on a staircase of baselines (each a few points lower than the one before it) stays one line.</item>
/// </list>
/// Pages end with a line break; a letter that is white space only widens a gap.
/// </summary>
internal static class PdfLetterLayout
{
    private const double SameLine = 0.4;
    private const double CellGap = 1.0;
    private const double WordGap = 0.2;

    public static void ByPosition(IReadOnlyList<Letter> letters, StringBuilder text)
    {
        var visible = Visible(letters);
        visible.Sort((a, b) => b.StartBaseLine.Y.CompareTo(a.StartBaseLine.Y));
        var lines = new List<List<Letter>>();
        var line = new List<Letter>();
        var lineY = 0.0;
        foreach (var letter in visible)
        {
            if (line.Count > 0 && lineY - letter.StartBaseLine.Y > SameLine * Size(line[0]))
            {
                lines.Add(line);
                line = [];
            }

            if (line.Count == 0)
            {
                lineY = letter.StartBaseLine.Y;
            }

            line.Add(letter);
        }

        if (line.Count > 0)
        {
            lines.Add(line);
        }

        for (var i = 0; i < lines.Count; i++)
        {
            // stable: letters drawn at one x (bold drawn twice) keep their order
            lines[i] = [.. lines[i].OrderBy(l => l.StartBaseLine.X)];
        }

        var right = lines.Count == 0 ? 0 : lines.Max(l => l[^1].EndBaseLine.X);
        var left = lines.Count == 0 ? 0 : lines.Min(l => l[0].StartBaseLine.X);
        for (var i = 0; i < lines.Count; i++)
        {
            var wrapped = i + 1 < lines.Count && IsWrappedInto(lines[i], lines[i + 1], left, right);
            AppendLine(lines[i], text, sortByX: true, wrapped);
        }
    }

    /// <summary>
    /// Whether a line runs on into the next: it holds no cell gap and reaches the right edge of the page's text (within
    /// two of its letters), and the next begins at the left edge (within one) — a page that wraps a long line (a
    /// paragraph, or cells printed without separators: 行政规范性文件49 | 20 is one cell 4920 cut by the page).
    /// </summary>
    private static bool IsWrappedInto(List<Letter> line, List<Letter> next, double left, double right)
    {
        var size = Size(line[^1]);
        return line[^1].EndBaseLine.X >= right - (2 * size)
            && next[0].StartBaseLine.X <= left + Size(next[0])
            && !HasCellGap(line)
            && Math.Abs(Size(next[0]) - size) < 0.2 * size;
    }

    private static bool HasCellGap(List<Letter> line)
    {
        for (var i = 1; i < line.Count; i++)
        {
            if (line[i].StartBaseLine.X - line[i - 1].EndBaseLine.X > CellGap * Math.Max(Size(line[i]), Size(line[i - 1])))
            {
                return true;
            }
        }

        return false;
    }

    public static void InDrawingOrder(IReadOnlyList<Letter> letters, StringBuilder text)
    {
        var line = new List<Letter>();
        foreach (var letter in Visible(letters))
        {
            if (line.Count > 0)
            {
                var previous = line[^1];
                var size = Math.Max(Size(previous), Size(letter));
                var backLeft = letter.StartBaseLine.X < previous.StartBaseLine.X - (WordGap * size);
                if (backLeft || Math.Abs(letter.StartBaseLine.Y - previous.StartBaseLine.Y) > SameLine * size)
                {
                    AppendLine(line, text, sortByX: false, wrapped: false);
                    line.Clear();
                }
            }

            line.Add(letter);
        }

        AppendLine(line, text, sortByX: false, wrapped: false);
    }

    private static List<Letter> Visible(IReadOnlyList<Letter> letters)
    {
        var visible = new List<Letter>(letters.Count);
        foreach (var letter in letters)
        {
            if (!string.IsNullOrWhiteSpace(letter.Value) && letter.TextOrientation is TextOrientation.Horizontal)
            {
                visible.Add(letter);
            }
        }

        return visible;
    }

    private static void AppendLine(List<Letter> line, StringBuilder text, bool sortByX, bool wrapped)
    {
        if (line.Count == 0)
        {
            return;
        }

        if (sortByX)
        {
            // stable: letters drawn at one x (bold drawn twice) keep their order
            var sorted = line.OrderBy(l => l.StartBaseLine.X).ToList();
            line.Clear();
            line.AddRange(sorted);
        }

        Letter? previous = null;
        foreach (var letter in line)
        {
            if (previous is not null)
            {
                var size = Math.Max(Size(previous), Size(letter));
                var gap = letter.StartBaseLine.X - previous.EndBaseLine.X;
                if (gap > CellGap * size)
                {
                    text.Append('\t');
                }
                else if (gap > WordGap * size)
                {
                    text.Append(' ');
                }
                else if (gap < -size && !sortByX)
                {
                    text.Append('\t'); // drawn out of order within the line: another cell
                }
                else if (gap < -0.5 * size && letter.Value == previous.Value)
                {
                    continue; // drawn twice over itself (fake bold)
                }
            }

            text.Append(letter.Value);
            previous = letter;
        }

        if (!wrapped)
        {
            text.Append('\n');
        }
        else if (char.IsAsciiLetter(text[^1]))
        {
            text.Append(' '); // a Latin word ends at the margin; Chinese and digits run on
        }
    }

    /// <summary>The letter's size on the page: its point size, else its glyph's height, never zero.</summary>
    private static double Size(Letter letter)
    {
        var size = letter.PointSize > 0 ? letter.PointSize : letter.BoundingBox.Height;
        return size > 0.5 ? size : 0.5;
    }
}
