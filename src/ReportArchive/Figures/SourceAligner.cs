namespace ReportArchive.Figures;

/// <summary>
/// Finds the printed token each value of a row was read from: values in order against the row's tokens in
/// order, each value taking the next token that prints it. A value no token prints (a cell derived from its
/// group's total) gets none.
/// </summary>
internal static class SourceAligner
{
    public static (int Start, int End)?[] Align(IReadOnlyList<decimal?> vector, IReadOnlyList<CellToken> tokens)
    {
        var spans = new (int Start, int End)?[vector.Count];
        var t = 0;
        for (var c = 0; c < vector.Count; c++)
        {
            if (vector[c] is not { } value)
            {
                continue;
            }

            for (var k = t; k < tokens.Count; k++)
            {
                if (tokens[k].Kind == CellTokenKind.Number && tokens[k].Value == value)
                {
                    spans[c] = (tokens[k].Start, tokens[k].End);
                    t = k + 1;
                    break;
                }
            }
        }

        return spans;
    }
}
