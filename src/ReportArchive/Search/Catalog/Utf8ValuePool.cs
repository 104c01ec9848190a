using System.Text;

namespace ReportArchive.Search.Catalog;

/// <summary>
/// Distinct text values keyed by their UTF-8 bytes, numbered in the order they are first seen: a value read again (a
/// province, a level, an agency) is found by its bytes and neither decoded nor allocated again (ill-formed bytes that
/// decode to a value already held get its number). The number of a value is the ordinal a catalog column gives it when
/// built over the same values in the same order.
/// </summary>
internal sealed class Utf8ValuePool
{
    private readonly List<byte[]> _keys = [];
    private readonly List<int> _hashes = [];
    private readonly List<int> _ordinals = []; // per key: the ordinal of its value
    private readonly List<string> _values = [];
    private readonly Dictionary<string, int> _ordinalOfValue = new(StringComparer.Ordinal);
    private int[] _slots = new int[64]; // key + 1 in each slot; 0: empty

    public int Count => _values.Count;

    public string this[int ordinal] => _values[ordinal];

    /// <summary>The ordinal of the value with these UTF-8 bytes, adding it (decoded once) when it is new.</summary>
    public int Add(ReadOnlySpan<byte> utf8)
    {
        var hash = Hash(utf8);
        var mask = _slots.Length - 1;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            var held = _slots[slot] - 1;
            if (held < 0)
            {
                break;
            }

            if (_hashes[held] == hash && utf8.SequenceEqual(_keys[held]))
            {
                return _ordinals[held];
            }
        }

        // new bytes; ill-formed UTF-8 decodes to U+FFFD, so different bytes can still be a value already held
        var value = Encoding.UTF8.GetString(utf8);
        if (!_ordinalOfValue.TryGetValue(value, out var ordinal))
        {
            ordinal = _values.Count;
            _ordinalOfValue.Add(value, ordinal);
            _values.Add(value);
        }

        var key = _keys.Count;
        _keys.Add(utf8.ToArray());
        _hashes.Add(hash);
        _ordinals.Add(ordinal);
        if (2 * _keys.Count > _slots.Length)
        {
            Rehash(2 * _slots.Length);
        }
        else
        {
            Place(key);
        }

        return ordinal;
    }

    /// <summary>The values by ordinal.</summary>
    public string[] ToArray() => [.. _values];

    private static int Hash(ReadOnlySpan<byte> utf8)
    {
        var hash = default(HashCode);
        hash.AddBytes(utf8);
        return hash.ToHashCode() & int.MaxValue;
    }

    private void Rehash(int size)
    {
        _slots = new int[size];
        for (var key = 0; key < _keys.Count; key++)
        {
            Place(key);
        }
    }

    private void Place(int key)
    {
        var mask = _slots.Length - 1;
        var slot = _hashes[key] & mask;
        while (_slots[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        _slots[slot] = key + 1;
    }
}
