namespace ReportArchive.Figures;

/// <summary>Every figure key of the two national templates, with its Chinese label, in template order.</summary>
public static class FigureKeys
{
    /// <summary>The template of reports on 2019 and 2020.</summary>
    public const string Template2019 = TemplateShape.Template2019;

    /// <summary>The template of reports on 2021 and later (国办公开办函〔2021〕30号).</summary>
    public const string Template2021 = TemplateShape.Template2021;

    public static IReadOnlyList<string> Templates { get; } = [Template2019, Template2021];

    /// <summary>The keys of the 2021 template, then those of the 2019 template.</summary>
    public static IReadOnlyList<FigureKey> All { get; } = [.. TemplateShape.Shape2021.Keys, .. TemplateShape.Shape2019.Keys];

    private static readonly Dictionary<string, string[]> TemplatesByKey = All
        .GroupBy(k => k.Key, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(k => k.Template).Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

    private static readonly Dictionary<string, string> PreferredLabels = All
        .DistinctBy(k => k.Key, StringComparer.Ordinal)
        .ToDictionary(k => k.Key, k => k.ChineseLabel, StringComparer.Ordinal);

    /// <summary>The Chinese label of <paramref name="key"/>: the 2021 template's where it has the key, else the 2019 template's; null for an unknown key.</summary>
    public static string? ChineseLabel(string key) => PreferredLabels.GetValueOrDefault(key);

    /// <summary>The templates that have <paramref name="key"/> ("2019", "2021" or both); empty for an unknown key.</summary>
    public static IReadOnlyList<string> TemplatesOf(string key) => TemplatesByKey.GetValueOrDefault(key) ?? [];

    /// <summary>The Chinese row × column label of <paramref name="key"/> in <paramref name="template"/>, or null.</summary>
    public static string? ChineseLabel(string key, string template)
        => ForTemplate(template).FirstOrDefault(k => string.Equals(k.Key, key, StringComparison.Ordinal))?.ChineseLabel;

    /// <summary>The keys of one template in template order (table A, B, C); empty for an unknown template.</summary>
    public static IReadOnlyList<FigureKey> ForTemplate(string template) => template switch
    {
        Template2019 => TemplateShape.Shape2019.Keys,
        Template2021 => TemplateShape.Shape2021.Keys,
        _ => [],
    };
}
