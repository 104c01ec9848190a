namespace ReportArchive.Search;

/// <summary>
/// The texts of the reports searches recently re-ranked or showed, each with its normalised form once computed, so a
/// search whose top reports were seen before reads, decompresses and normalises nothing. Bounded in bytes (least
/// recently used out first) and tied to one archive generation: the first search of a newer generation empties it,
/// and a search still reading an older generation neither reads nor fills it. Thread-safe.
/// </summary>
internal sealed class ReportTextCache(long capacityBytes)
{
    /// <summary>
    /// Charged per character of a cached text: the original and the normalised text (2 bytes a character each) and the
    /// normalised text's offset map (two ints a character).
    /// </summary>
    private const int BytesPerCharacter = 12;
    private const int BytesPerEntry = 200;

    private readonly Lock _lock = new();
    private readonly Dictionary<long, LinkedListNode<(long Id, ReportText Text)>> _entries = [];
    private readonly LinkedList<(long Id, ReportText Text)> _recency = new(); // most recently used first
    private long _generation = long.MinValue;
    private long _bytes;

    /// <summary>The bytes charged for the texts held now.</summary>
    public long Bytes
    {
        get
        {
            lock (_lock)
            {
                return _bytes;
            }
        }
    }

    /// <summary>
    /// The texts of <paramref name="ids"/> as of <paramref name="generation"/>: those held, and the others from
    /// <paramref name="read"/> (one call for all of them), which are then kept. Ids <paramref name="read"/> does not
    /// return (reports deleted since) are left out.
    /// </summary>
    public Dictionary<long, ReportText> Get(long generation, IReadOnlyList<long> ids, Func<IReadOnlyCollection<long>, IReadOnlyDictionary<long, string>> read)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(read);
        var texts = new Dictionary<long, ReportText>(ids.Count);
        var missing = new List<long>();
        lock (_lock)
        {
            var current = Adopt(generation);
            foreach (var id in ids)
            {
                if (current && _entries.TryGetValue(id, out var node))
                {
                    _recency.Remove(node);
                    _recency.AddFirst(node);
                    texts[id] = node.Value.Text;
                }
                else if (!texts.ContainsKey(id))
                {
                    missing.Add(id);
                }
            }
        }

        if (missing.Count == 0)
        {
            return texts;
        }

        var stored = read(missing);
        var added = new List<(long Id, ReportText Text)>(stored.Count);
        foreach (var id in missing)
        {
            if (stored.TryGetValue(id, out var original))
            {
                var text = new ReportText(original);
                texts[id] = text;
                added.Add((id, text));
            }
        }

        lock (_lock)
        {
            if (Adopt(generation))
            {
                foreach (var (id, text) in added)
                {
                    Add(id, text);
                }
            }
        }

        return texts;
    }

    /// <summary>Whether the cache serves <paramref name="generation"/>, emptying it first when the generation is newer.</summary>
    private bool Adopt(long generation)
    {
        if (generation > _generation)
        {
            _entries.Clear();
            _recency.Clear();
            _bytes = 0;
            _generation = generation;
        }

        return generation == _generation;
    }

    private void Add(long id, ReportText text)
    {
        var bytes = Charge(text);
        if (bytes > capacityBytes || _entries.ContainsKey(id))
        {
            return;
        }

        while (_bytes + bytes > capacityBytes && _recency.Last is { } oldest)
        {
            _recency.RemoveLast();
            _entries.Remove(oldest.Value.Id);
            _bytes -= Charge(oldest.Value.Text);
        }

        _entries[id] = _recency.AddFirst((id, text));
        _bytes += bytes;
    }

    private static long Charge(ReportText text) => BytesPerEntry + ((long)text.Original.Length * BytesPerCharacter);
}
