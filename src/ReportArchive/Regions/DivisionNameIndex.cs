using System.Collections.Frozen;

namespace ReportArchive.Regions;

/// <summary>
/// Every written form of every division in a character trie, for longest-match scans of agency names and
/// texts, plus an index of the official names with one character blanked out, to repair a name garbled by
/// text extraction (灋河回族区 → 瀍河回族区) with one lookup per character.
/// </summary>
internal sealed class DivisionNameIndex
{
    private const char Blank = '\uFFFF';
    private static readonly string[] WordLikeNames = ["城区", "郊区", "矿区"];

    private readonly Node root = new();
    private const int PairFilterBits = 1 << 20;

    private readonly bool[] startsAName = new bool[char.MaxValue + 1];

    // A bit per hashed pair of first characters: most positions of a text fail here, before the trie walk.
    private readonly ulong[] startsWithPair = new ulong[PairFilterBits / 64];
    private readonly FrozenDictionary<string, AdministrativeDivision[]> byBlankedName;
    private readonly FrozenDictionary<string, string[]> formsByCode;

    public DivisionNameIndex(AdministrativeDivisions divisions)
    {
        var names = new Dictionary<string, DivisionName>(StringComparer.Ordinal);
        var forms = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var blanked = new Dictionary<string, List<AdministrativeDivision>>(StringComparer.Ordinal);

        void Add(string text, AdministrativeDivision division, DivisionNameKind kind)
        {
            if (!names.TryGetValue(text, out var name))
            {
                name = new DivisionName(text);
                names.Add(text, name);
            }

            name.Add(division, kind);
            if (!forms.TryGetValue(division.Code, out var list))
            {
                forms[division.Code] = list = [];
            }

            if (!list.Contains(text, StringComparer.Ordinal))
            {
                list.Add(text);
            }
        }

        foreach (var division in divisions.All)
        {
            Add(division.Name, division, DivisionNameKind.Official);
            foreach (var alias in DivisionNameForms.AliasesOf(division))
            {
                Add(alias, division, DivisionNameKind.Alias);
            }

            foreach (var shortName in DivisionNameForms.ShortNamesOf(division))
            {
                Add(shortName, division, DivisionNameKind.Short);
            }

            // The suffix (区, 县, 市…) is never the garbled character; names of three characters and more only.
            var official = division.Name;
            for (var i = 0; official.Length >= 3 && i < official.Length - 1; i++)
            {
                var key = string.Concat(official.AsSpan(0, i), [Blank], official.AsSpan(i + 1));
                if (!blanked.TryGetValue(key, out var list))
                {
                    blanked[key] = list = [];
                }

                list.Add(division);
            }
        }

        foreach (var word in WordLikeNames)
        {
            if (names.TryGetValue(word, out var name))
            {
                name.NeedsParent = true;
            }
        }

        foreach (var name in names.Values)
        {
            Insert(name);
        }

        byBlankedName = blanked.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        formsByCode = forms.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The longest written form starting at <paramref name="position"/>, or null.</summary>
    public DivisionName? LongestMatchAt(string text, int position)
    {
        if (position < 0 || position + 1 >= text.Length || !startsAName[text[position]]
            || !HasPair(text[position], text[position + 1]))
        {
            return null;
        }

        DivisionName? longest = null;
        var node = root;
        for (var i = position; i < text.Length && node.Next is not null && node.Next.TryGetValue(text[i], out var next); i++)
        {
            node = next;
            longest = node.Name ?? longest;
        }

        return longest;
    }

    /// <summary>The divisions whose official name differs from <paramref name="written"/> in exactly one character.</summary>
    public IReadOnlyList<AdministrativeDivision> OneCharacterAway(ReadOnlySpan<char> written)
    {
        if (written.Length < 3)
        {
            return [];
        }

        var lookup = byBlankedName.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> key = stackalloc char[written.Length];
        List<AdministrativeDivision>? found = null;
        for (var i = 0; i < written.Length - 1; i++)
        {
            written.CopyTo(key);
            key[i] = Blank;
            if (!lookup.TryGetValue(key, out var divisions))
            {
                continue;
            }

            foreach (var division in divisions)
            {
                // A division whose name is exactly the written text is not a repair.
                if (!written.SequenceEqual(division.Name) && !(found ??= []).Contains(division))
                {
                    found.Add(division);
                }
            }
        }

        return found is null ? [] : found;
    }

    /// <summary>Every form the division is written in: official name, aliases, short names.</summary>
    public IReadOnlyList<string> FormsOf(AdministrativeDivision division) =>
        formsByCode.TryGetValue(division.Code, out var forms) ? forms : [];

    private void Insert(DivisionName name)
    {
        var node = root;
        foreach (var c in name.Text)
        {
            node.Next ??= [];
            if (!node.Next.TryGetValue(c, out var next))
            {
                node.Next[c] = next = new Node();
            }

            node = next;
        }

        node.Name = name;
        startsAName[name.Text[0]] = true;
        var pair = PairBit(name.Text[0], name.Text[1]);
        startsWithPair[pair >> 6] |= 1UL << (pair & 63);
    }

    private bool HasPair(char first, char second)
    {
        var pair = PairBit(first, second);
        return (startsWithPair[pair >> 6] & (1UL << (pair & 63))) != 0;
    }

    private static int PairBit(char first, char second) => ((first * 40_503) ^ second) & (PairFilterBits - 1);

    private sealed class Node
    {
        public Dictionary<char, Node>? Next { get; set; }

        public DivisionName? Name { get; set; }
    }
}
