namespace ReportArchive.Agencies.History;

/// <summary>
/// One of the six parts of the national template (一、总体情况 … 六、其他需要报告的事项) as found in a report's text:
/// its number, the template's heading, and the UTF-16 range of its content (after the printed heading).
/// </summary>
public sealed record ReportPart(string Number, string Heading, int Start, int End);
