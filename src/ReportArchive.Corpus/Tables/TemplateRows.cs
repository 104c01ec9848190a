using ReportArchive.Figures;

namespace ReportArchive.Corpus.Tables;

/// <summary>The rows of a template's tables as key prefixes with their column keys, taken from <see cref="FigureKeys"/>.</summary>
internal sealed class TemplateRows
{
    private TemplateRows(string template)
    {
        Template = template;
        var rows = new List<(string Table, string Prefix, List<string> Keys)>();
        foreach (var key in FigureKeys.ForTemplate(template))
        {
            var prefix = key.Key[..key.Key.LastIndexOf('.')];
            if (rows.Count == 0 || rows[^1].Prefix != prefix)
            {
                rows.Add((key.Table, prefix, []));
            }

            rows[^1].Keys.Add(key.Key);
        }

        Proactive = [.. rows.Where(r => r.Table == "A").Select(r => new Row(r.Prefix, r.Keys))];
        Requests = [.. rows.Where(r => r.Table == "B").Select(r => new Row(r.Prefix, r.Keys))];
        Review = [.. rows.Where(r => r.Table == "C").Select(r => new Row(r.Prefix, r.Keys))];
    }

    public string Template { get; }

    public IReadOnlyList<Row> Proactive { get; }

    /// <summary>Table B rows: 一, 二, the handling rows, （七）总计, 四.</summary>
    public IReadOnlyList<Row> Requests { get; }

    /// <summary>Table C groups: review, litigationDirect, litigationAfterReview.</summary>
    public IReadOnlyList<Row> Review { get; }

    public int ProcessedRow => Requests.Count - 2;

    public static TemplateRows For(string template) => template == FigureKeys.Template2019 ? Rows2019 : Rows2021;

    private static TemplateRows Rows2019 { get; } = new(FigureKeys.Template2019);

    private static TemplateRows Rows2021 { get; } = new(FigureKeys.Template2021);

    internal sealed record Row(string Prefix, IReadOnlyList<string> Keys);
}
