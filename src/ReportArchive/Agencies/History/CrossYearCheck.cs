namespace ReportArchive.Agencies.History;

/// <summary>
/// A check between two reports of the same agency in consecutive years: 上年结转 of year N
/// (<c>requests.carriedOver.total</c>) = 结转下年度继续办理 of year N−1 (<c>requests.carriedForward.total</c>).
/// </summary>
public sealed record CrossYearCheck(string Rule, bool Ok, string Detail, AgencyYear Previous, AgencyYear Next);
