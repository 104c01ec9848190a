using System.Security.Cryptography;
using System.Text;

namespace ReportArchive.Server.Uploads;

/// <summary>
/// The keys that allow writes: the <c>ApiKeys</c> configuration section (an array) and the comma-separated
/// <c>REPORTARCHIVE_API_KEYS</c> variable. Only their SHA-256 digests are kept, and a presented key is compared with
/// every one in constant time.
/// </summary>
public sealed class ApiKeys
{
    public const string EnvironmentVariable = "REPORTARCHIVE_API_KEYS";

    private const string BearerScheme = "Bearer ";

    private readonly IReadOnlyList<byte[]> _digests;

    private ApiKeys(IEnumerable<string> keys) =>
        _digests = keys.Select(k => k.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).Select(Digest).ToList();

    public bool AnyConfigured => _digests.Count > 0;

    public static ApiKeys From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var listed = configuration.GetSection("ApiKeys").GetChildren().Select(c => c.Value ?? "");
        var joined = (configuration[EnvironmentVariable] ?? "").Split(',');
        return new ApiKeys(listed.Concat(joined));
    }

    /// <summary>Whether an Authorization header value is <c>Bearer &lt;key&gt;</c> with one of the configured keys.</summary>
    public bool AcceptsAuthorization(string? header) =>
        header is not null && header.StartsWith(BearerScheme, StringComparison.OrdinalIgnoreCase) && Accepts(header[BearerScheme.Length..].Trim());

    /// <summary>Whether <paramref name="key"/> is one of the configured keys; the time taken does not depend on which or how much matches.</summary>
    public bool Accepts(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var digest = Digest(key);
        var accepted = false;
        foreach (var known in _digests)
        {
            accepted |= CryptographicOperations.FixedTimeEquals(digest, known);
        }

        return accepted;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
