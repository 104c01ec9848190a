namespace ReportArchive.Exports;

/// <summary>The names of <see cref="ExportLabels"/> as the API spells them: <c>zh</c> (the default) and <c>keys</c>.</summary>
public static class ExportLabelNames
{
    public const string Chinese = "zh";
    public const string Keys = "keys";

    public static IReadOnlyList<string> Names { get; } = [Chinese, Keys];

    public static ExportLabels? Parse(string? name) => name switch
    {
        Chinese => ExportLabels.Chinese,
        Keys => ExportLabels.Keys,
        _ => null,
    };
}
