namespace ReportArchive.Storage.Compact;

/// <summary>
/// A report's SHA-256 as stored: the 32 bytes of a lowercase hex digest (what the readers compute), so the row and
/// its unique index hold half the bytes; any other string is kept as it is, as text.
/// </summary>
internal static class Sha256Column
{
    private const int DigestBytes = 32;

    public static object Encode(string sha256)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        return sha256.Length == DigestBytes * 2 && sha256.All(char.IsAsciiHexDigitLower) ? Convert.FromHexString(sha256) : sha256;
    }

    public static string Decode(object stored) => stored switch
    {
        byte[] bytes => Convert.ToHexStringLower(bytes),
        string text => text,
        _ => throw new InvalidDataException($"a stored SHA-256 has an unexpected type {stored.GetType().Name}"),
    };
}
