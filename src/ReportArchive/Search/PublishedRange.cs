using System.Globalization;

namespace ReportArchive.Search;

/// <summary>
/// An inclusive range of publication days (发布时间, <c>published_at</c>): <c>2024-03-15</c> (a day), <c>2024-03</c> (a
/// month), <c>2024</c> (a year), or a range of these, <c>2024-01..2024-03</c> (January 1 to March 31), with an open
/// end allowed (<c>2024-01..</c>, <c>..2023</c>). A report without a publication date is in no range.
/// </summary>
public sealed record PublishedRange(DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>The range, or null when the text is none of the forms above (full-width digits folded to ASCII).</summary>
    public static PublishedRange? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = WidthFolding.Fold(text).Trim();
        var dots = trimmed.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0)
        {
            return Period(trimmed) is { } period ? new PublishedRange(period.First, period.Last) : null;
        }

        var from = dots == 0 ? DateOnly.MinValue : Period(trimmed[..dots])?.First;
        var to = dots + 2 == trimmed.Length ? DateOnly.MaxValue : Period(trimmed[(dots + 2)..])?.Last;
        return from is { } f && to is { } t && f <= t && (dots > 0 || dots + 2 < trimmed.Length) ? new PublishedRange(f, t) : null;
    }

    /// <summary>The first and last day of <c>yyyy</c>, <c>yyyy-MM</c> or <c>yyyy-MM-dd</c>.</summary>
    private static (DateOnly First, DateOnly Last)? Period(string text)
    {
        var parts = text.Split('-');
        if (parts.Length > 3 || parts.Any(p => p.Length == 0 || !p.All(char.IsAsciiDigit)) || parts[0].Length != 4 || parts.Skip(1).Any(p => p.Length > 2))
        {
            return null;
        }

        var year = int.Parse(parts[0], CultureInfo.InvariantCulture);
        if (year is < YearRange.Earliest or > YearRange.Latest)
        {
            return null;
        }

        if (parts.Length == 1)
        {
            return (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        }

        var month = int.Parse(parts[1], CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
        {
            return null;
        }

        if (parts.Length == 2)
        {
            return (new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)));
        }

        var day = int.Parse(parts[2], CultureInfo.InvariantCulture);
        return day >= 1 && day <= DateTime.DaysInMonth(year, month) ? (new DateOnly(year, month, day), new DateOnly(year, month, day)) : null;
    }
}
