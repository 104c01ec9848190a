namespace ReportArchive.Search;

/// <summary>An inclusive range of report years (<c>2019..2021</c>); a single year is a range of one.</summary>
public sealed record YearRange(int From, int To)
{
    public bool Contains(int year) => year >= From && year <= To;
}
