using System.Globalization;
using System.Text;
using ReportArchive.Exports;
using ReportArchive.Search;
using ReportArchive.Search.Facets;

namespace ReportArchive.Server.Exports;

/// <summary>
/// The download's file name: what was searched — the query, then the years, regions (by name), levels (in Chinese),
/// agency types and checks — joined by '-' (行政诉讼-2021.csv), characters a file name cannot hold replaced by '_',
/// at most <see cref="MaxLength"/> characters before the extension; reportarchive-export when nothing was.
/// </summary>
internal static class ExportFileName
{
    public const string Default = "reportarchive-export";
    public const int MaxLength = 80;

    private static readonly char[] Forbidden = ['/', '\\', ':', '*', '?', '"', '<', '>', '|', '\''];

    public static string For(SearchRequest request, ExportFormat format)
    {
        var filters = request.Filters;
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(request.Query))
        {
            parts.Add(request.Query);
        }

        parts.AddRange(filters.Years.Select(y => y.From == y.To
            ? y.From.ToString(CultureInfo.InvariantCulture)
            : $"{(y.From == YearRange.Earliest ? "" : y.From.ToString(CultureInfo.InvariantCulture))}至{(y.To == YearRange.Latest ? "" : y.To.ToString(CultureInfo.InvariantCulture))}"));
        parts.AddRange(RegionSelection.Of(filters).Divisions.Select(d => d.Name));
        parts.AddRange(filters.Levels.Select(l => ExportColumns.LevelLabel(l) ?? l));
        parts.AddRange(filters.AgencyTypes);
        parts.AddRange(filters.Checks.Select(c => c == SearchFilters.ChecksPassed ? "校验通过" : "校验未通过"));
        var name = Clean(string.Join('-', parts));
        if (name.Length > MaxLength)
        {
            name = name[..(char.IsHighSurrogate(name[MaxLength - 1]) ? MaxLength - 1 : MaxLength)].TrimEnd('_', '-', '.');
        }

        return (name.Length == 0 ? Default : name) + "." + ExportFormats.Extension(format);
    }

    /// <summary>Path separators, wildcards, quotes, control characters and runs of white space become one '_'; no leading or trailing dot.</summary>
    private static string Clean(string text)
    {
        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var replaced = char.IsWhiteSpace(c) || char.IsControl(c) || Forbidden.Contains(c) || c == '\uFEFF';
            if (!replaced)
            {
                clean.Append(c);
            }
            else if (clean.Length > 0 && clean[^1] != '_')
            {
                clean.Append('_');
            }
        }

        return clean.ToString().Trim('_', '.', '-');
    }
}
