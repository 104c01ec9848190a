using System.Globalization;
using System.Text.RegularExpressions;
using ReportArchive.Figures;

namespace ReportArchive.Search;

/// <summary>
/// A filter on one figure: <c>review.total&gt;0</c>, <c>requests.new.total&gt;=10</c>. Operators
/// <c>&gt; &gt;= &lt; &lt;= =</c>. A report without the figure (or with it null) does not pass. The text is folded to
/// NFKC first, so what a Chinese input method types (full-width digits and operators: <c>review.total＞＝５</c>) reads
/// as its ASCII form; digits are ASCII digits only after that (any other script's digits are an error, not a crash).
/// </summary>
public sealed partial record FigureCondition(string Key, string Operator, decimal Value)
{
    /// <summary>Reads a condition; null with the reason when the text is not one.</summary>
    public static (FigureCondition? Condition, string? Error) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Syntax().Match(WidthFolding.Fold(text).Trim());
        if (!match.Success)
        {
            return (null, $"'{text}' is not a figure condition like review.total>0 (operators > >= < <= =)");
        }

        var key = match.Groups["key"].Value;
        if (FigureKeys.TemplatesOf(key).Count == 0)
        {
            return (null, $"'{key}' is not a figure key (see docs/figures.md)");
        }

        return (new FigureCondition(key, match.Groups["op"].Value, decimal.Parse(match.Groups["value"].ValueSpan, NumberStyles.Number, CultureInfo.InvariantCulture)), null);
    }

    /// <summary>Whether a figure's value satisfies the condition.</summary>
    internal bool Holds(decimal figure) => Operator switch
    {
        ">" => figure > Value,
        ">=" => figure >= Value,
        "<" => figure < Value,
        "<=" => figure <= Value,
        _ => figure == Value,
    };

    public override string ToString() => Key + Operator + Value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<key>[A-Za-z][A-Za-z.]*[A-Za-z])\s*(?<op>>=|<=|>|<|=)\s*(?<value>-?[0-9]{1,15}(?:\.[0-9]{1,6})?)$")]
    private static partial Regex Syntax();
}
