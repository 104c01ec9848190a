namespace ReportArchive.Analysis.Normalization;

/// <summary>
/// Text after <see cref="TextNormalizer"/>, with an offset map back to the original: normalised character
/// <c>i</c> came from the original range <c>[OriginalStart(i), OriginalEnd(i))</c>.
/// </summary>
public sealed class NormalizedText
{
    private readonly int[] _starts;
    private readonly int[] _ends;

    internal NormalizedText(string original, string text, int[] starts, int[] ends)
    {
        Original = original;
        Text = text;
        _starts = starts;
        _ends = ends;
    }

    public string Original { get; }

    public string Text { get; }

    public int OriginalStart(int index) => _starts[index];

    public int OriginalEnd(int index) => _ends[index];

    /// <summary>Maps the normalised range <c>[start, end)</c> (end &gt; start) to the original range it came from.</summary>
    public (int Start, int End) ToOriginal(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(end, start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, Text.Length);
        return (_starts[start], _ends[end - 1]);
    }
}
