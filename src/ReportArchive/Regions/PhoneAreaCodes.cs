using System.Collections.Frozen;

namespace ReportArchive.Regions;

/// <summary>
/// Chinese fixed-line area codes (长途区号, written without the leading 0: "539" for 0539) and the divisions
/// they serve, as code prefixes: 539 → 3713 (临沂市), 22 → 12 (天津市), 728 → 仙桃市, 天门市, 潜江市.
/// Converted from libphonenumber's geocoding data by scripts/divisions/convert.mjs.
/// </summary>
public sealed class PhoneAreaCodes
{
    internal const string ResourceName = "ReportArchive.Regions.Data.phone-area-codes.tsv";

    private readonly FrozenDictionary<string, string[]> divisionsByAreaCode;

    private PhoneAreaCodes(Dictionary<string, string[]> divisionsByAreaCode)
    {
        this.divisionsByAreaCode = divisionsByAreaCode.ToFrozenDictionary(StringComparer.Ordinal);
        LongestAreaCode = divisionsByAreaCode.Count == 0 ? 0 : divisionsByAreaCode.Keys.Max(k => k.Length);
    }

    public int Count => divisionsByAreaCode.Count;

    internal int LongestAreaCode { get; }

    /// <summary>
    /// The division code prefixes of the longest area code that starts <paramref name="digits"/> (the
    /// national number without its leading 0, or just its area code); empty when none does.
    /// </summary>
    public IReadOnlyList<string> DivisionsFor(ReadOnlySpan<char> digits) =>
        MatchAreaCode(digits) is { } areaCode ? divisionsByAreaCode[areaCode] : [];

    /// <summary>The longest known area code that starts <paramref name="digits"/>, or null.</summary>
    public string? MatchAreaCode(ReadOnlySpan<char> digits)
    {
        var lookup = divisionsByAreaCode.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var length = Math.Min(LongestAreaCode, digits.Length); length >= 2; length--)
        {
            if (lookup.ContainsKey(digits[..length]))
            {
                return new string(digits[..length]);
            }
        }

        return null;
    }

    public static PhoneAreaCodes LoadEmbedded()
    {
        using var stream = typeof(PhoneAreaCodes).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    /// <summary>Parses <c>areaCode&lt;TAB&gt;prefix,prefix&lt;TAB&gt;place</c> lines; # starts a comment line.</summary>
    public static PhoneAreaCodes Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var table = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length < 2 || cells[0].Length == 0 || !cells[0].All(char.IsAsciiDigit))
            {
                throw new FormatException($"area codes line {lineNumber}: expected area code and division codes: '{line}'");
            }

            table[cells[0]] = cells[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        return new PhoneAreaCodes(table);
    }
}
