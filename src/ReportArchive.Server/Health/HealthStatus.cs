namespace ReportArchive.Server.Health;

public sealed record HealthStatus(string Status);
