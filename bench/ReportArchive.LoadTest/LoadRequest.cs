namespace ReportArchive.LoadTest;

/// <summary>One request of the mix: its kind (the group its latency is reported in) and its path with query string.</summary>
internal sealed record LoadRequest(string Kind, string PathAndQuery);
