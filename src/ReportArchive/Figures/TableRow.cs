using System.Text;
using System.Text.RegularExpressions;

namespace ReportArchive.Figures;

/// <summary>
/// A row of table A or B: its key prefix, Chinese label, columns and the anchor that finds its label in flattened text.
/// The anchor matches a distinctive part of the label and tolerates whitespace between any two characters
/// (labels broken across lines or one character per line).
/// </summary>
internal sealed record TableRow(string KeyPrefix, string ChineseLabel, Regex Anchor, int EnumeratorIndex, IReadOnlyList<TableColumn> Columns)
{
    public static TableRow Create(string keyPrefix, string chineseLabel, IReadOnlyList<TableColumn> columns, int enumeratorIndex, params string[] keywords)
        => new(keyPrefix, chineseLabel, CompileAnchor(string.Join('|', keywords.Select(Spaced))), enumeratorIndex, columns);

    public static TableRow CreateWithPattern(string keyPrefix, string chineseLabel, IReadOnlyList<TableColumn> columns, int enumeratorIndex, string pattern)
        => new(keyPrefix, chineseLabel, CompileAnchor(pattern), enumeratorIndex, columns);

    private readonly string[] _keys = [.. Columns.Select(c => KeyPrefix + "." + c.Key)];

    /// <summary>Check rule id of the row's total, e.g. <c>requests.rowTotal.granted</c>.</summary>
    public string RowTotalRule { get; } = "requests.rowTotal." + KeyPrefix[(KeyPrefix.IndexOf('.', StringComparison.Ordinal) + 1)..];

    public int Width => Columns.Count;

    public string KeyOf(int column) => _keys[column];

    /// <summary>"规章" → <c>规\s*章</c>: whitespace allowed between any two characters.</summary>
    public static string Spaced(string keyword)
    {
        var builder = new StringBuilder(keyword.Length * 4);
        for (var i = 0; i < keyword.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(@"\s*");
            }

            builder.Append(Regex.Escape(keyword[i].ToString()));
        }

        return builder.ToString();
    }

    private static Regex CompileAnchor(string pattern)
        => new(pattern, RegexOptions.Compiled | RegexOptions.CultureInvariant);
}
