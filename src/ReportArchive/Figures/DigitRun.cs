namespace ReportArchive.Figures;

/// <summary>
/// The printed characters of a row's cells where they may run together (page text of an HTML table):
/// digits, a decimal point between digits, a minus sign before digits, each with its offset in the normalized
/// text. <see cref="BoundaryBefore"/>[i] is true where whitespace stood before character i: the printed cells
/// are apart there. <see cref="Glued"/>: the run touches text on either side (行政处罚887第二十条), so the cells
/// were not delimited when the page was flattened.
/// </summary>
internal sealed record DigitRun(string Chars, int[] Positions, bool[] BoundaryBefore, bool Glued)
{
    public int Length => Chars.Length;

    /// <summary>The printed run with its spaces, for warnings.</summary>
    public string Printed
    {
        get
        {
            var builder = new System.Text.StringBuilder(Chars.Length + 4);
            for (var i = 0; i < Chars.Length; i++)
            {
                if (i > 0 && BoundaryBefore[i])
                {
                    builder.Append(' ');
                }

                builder.Append(Chars[i]);
            }

            return builder.ToString();
        }
    }

    public int DigitCount => Chars.Count(char.IsAsciiDigit);
}
