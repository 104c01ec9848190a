namespace ReportArchive.Server.OpenApi;

/// <summary>Endpoint metadata of the operations that need an API key: the document gives them the bearer scheme and its 401/403/429.</summary>
public sealed class RequiresApiKey
{
    public static RequiresApiKey Instance { get; } = new();

    private RequiresApiKey()
    {
    }
}
