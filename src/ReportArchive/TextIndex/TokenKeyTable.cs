using System.Numerics;
using System.Runtime.CompilerServices;

namespace ReportArchive.TextIndex;

/// <summary>
/// Numbers distinct 64-bit token keys 0, 1, 2… in the order they are first seen (open addressing, linear probing).
/// Made to be cleared and reused: tokenising a report or building a batch's segment fills one without allocating once
/// it has grown to the largest report or batch seen. Not thread-safe.
/// </summary>
internal sealed class TokenKeyTable
{
    private ulong[] _slotKeys;
    private int[] _slotIds; // id + 1; 0 marks an empty slot
    private ulong[] _keys;
    private int _mask;
    private int _shift;

    public TokenKeyTable(int capacity = 1024)
    {
        var slots = (int)Math.Max(16, BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, capacity) * 2));
        _slotKeys = new ulong[slots];
        _slotIds = new int[slots];
        _keys = new ulong[slots / 2];
        _mask = slots - 1;
        _shift = 64 - BitOperations.Log2((uint)slots);
    }

    /// <summary>The number of distinct keys added since the last <see cref="Clear"/>.</summary>
    public int Count { get; private set; }

    /// <summary>The keys by id.</summary>
    public ReadOnlySpan<ulong> Keys => _keys.AsSpan(0, Count);

    /// <summary>The id of <paramref name="key"/>, numbering it now if it is new (<paramref name="added"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int GetOrAdd(ulong key, out bool added)
    {
        var slot = Slot(key);
        while (true)
        {
            var id = _slotIds[slot];
            if (id == 0)
            {
                break;
            }

            if (_slotKeys[slot] == key)
            {
                added = false;
                return id - 1;
            }

            slot = (slot + 1) & _mask;
        }

        added = true;
        if (Count + 1 > _keys.Length)
        {
            Grow();
            return GetOrAdd(key, out added);
        }

        var newId = Count++;
        _slotKeys[slot] = key;
        _slotIds[slot] = newId + 1;
        _keys[newId] = key;
        return newId;
    }

    /// <summary>Forgets every key and keeps the memory.</summary>
    public void Clear()
    {
        if (Count > 0)
        {
            Array.Clear(_slotIds);
        }

        Count = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift); // Fibonacci hashing: the product's top bits

    private void Grow()
    {
        var slots = _slotIds.Length * 2;
        var keys = _keys;
        var count = Count;
        _slotKeys = new ulong[slots];
        _slotIds = new int[slots];
        _keys = new ulong[slots / 2];
        _mask = slots - 1;
        _shift = 64 - BitOperations.Log2((uint)slots);
        Count = 0;
        for (var i = 0; i < count; i++)
        {
            GetOrAdd(keys[i], out _);
        }
    }
}
