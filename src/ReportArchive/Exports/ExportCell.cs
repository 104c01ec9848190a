namespace ReportArchive.Exports;

/// <summary>One cell of an export row: a text, a number, or empty (both null).</summary>
public readonly record struct ExportCell(string? Text, decimal? Number)
{
    public static ExportCell Of(string? text) => new(text, null);

    public static ExportCell Of(decimal? number) => new(null, number);
}
