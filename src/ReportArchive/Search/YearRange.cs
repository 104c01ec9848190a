using System.Globalization;

namespace ReportArchive.Search;

/// <summary>An inclusive range of report years (<c>2019..2021</c>); a single year is a range of one.</summary>
public sealed record YearRange(int From, int To)
{
    public const int Earliest = 1900;
    public const int Latest = 2999;

    public bool Contains(int year) => year >= From && year <= To;

    /// <summary>
    /// Reads <c>2021</c>, <c>2019..2021</c>, <c>2019..</c> or <c>..2021</c> (full-width digits and dots, as a Chinese
    /// input method types them, folded to ASCII by NFKC); null when the text is none of these.
    /// </summary>
    public static YearRange? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = WidthFolding.Fold(text).Trim();
        var dots = trimmed.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0)
        {
            return ParseYear(trimmed) is { } year ? new YearRange(year, year) : null;
        }

        var from = dots == 0 ? Earliest : ParseYear(trimmed[..dots]);
        var to = dots + 2 == trimmed.Length ? Latest : ParseYear(trimmed[(dots + 2)..]);
        return from is { } f && to is { } t && f <= t ? new YearRange(f, t) : null;
    }

    private static int? ParseYear(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= Earliest and <= Latest
            ? year
            : null;
}
