using ReportArchive.Analysis.Data;

namespace ReportArchive.Analysis.Synonyms;

/// <summary>
/// Equivalent names (同义词): agency abbreviations and their full names, curated in
/// <c>Data/synonyms.txt</c>, one group of equivalent names per line. The list is deliberately precise:
/// related but different terms (政府信息公开 and 政务公开) are not synonyms. Terms are compared exactly
/// (ordinal), in the analyzer's normalised form.
/// </summary>
public sealed class SynonymTable
{
    private static readonly Lazy<SynonymTable> DefaultTable = new(() => Parse(EmbeddedData.ReadText("synonyms.txt")));

    private readonly Dictionary<string, string[]> groups;

    private SynonymTable(Dictionary<string, string[]> groups) => this.groups = groups;

    /// <summary>The table of <c>Data/synonyms.txt</c>, loaded on first use.</summary>
    public static SynonymTable Default => DefaultTable.Value;

    /// <summary>Every term that has equivalents, in no particular order.</summary>
    public IEnumerable<string> Terms => groups.Keys;

    /// <summary>
    /// The term itself first, then its equivalents in the order the list gives them; just the term when it
    /// has none.
    /// </summary>
    public IReadOnlyList<string> Expand(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        if (!groups.TryGetValue(term, out var group))
            return [term];
        var expansion = new List<string>(group.Length) { term };
        foreach (var member in group)
        {
            if (!string.Equals(member, term, StringComparison.Ordinal))
                expansion.Add(member);
        }
        return expansion;
    }

    /// <summary>Reads groups written as <c>a = b = c</c>, one per line; # starts a comment line.</summary>
    internal static SynonymTable Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var groups = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] == '#')
                continue;
            var members = line.Split('=', StringSplitOptions.TrimEntries);
            if (members.Length < 2 || members.Any(m => m.Length == 0))
                throw new FormatException($"A synonym line needs two or more names separated by '=': '{line}'.");
            foreach (var member in members)
            {
                if (!groups.TryAdd(member, members))
                    throw new FormatException($"'{member}' appears in more than one synonym group.");
            }
        }
        return new SynonymTable(groups);
    }
}
