using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace ReportArchive.TextIndex;

/// <summary>A growable byte buffer with the writers a segment needs: little-endian integers, varints and bit fields.</summary>
internal sealed class ByteSink(int capacity)
{
    private byte[] _bytes = new byte[Math.Max(16, capacity)];
    private ulong _bits;
    private int _bitCount;

    public int Length { get; private set; }

    /// <summary>The bytes the buffer holds before it must grow.</summary>
    public int Capacity => _bytes.Length;

    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, Length);

    /// <summary>Grows the buffer to hold at least <paramref name="capacity"/> bytes without growing again.</summary>
    public void Reserve(int capacity)
    {
        if (capacity > _bytes.Length)
        {
            if (Length == 0)
            {
                _bytes = GC.AllocateUninitializedArray<byte>(capacity);
            }
            else
            {
                Array.Resize(ref _bytes, capacity);
            }
        }
    }

    public void Clear()
    {
        Length = 0;
        _bits = 0;
        _bitCount = 0;
    }

    public void WriteVarint(ulong value)
    {
        Ensure(10);
        while (value >= 0x80)
        {
            _bytes[Length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _bytes[Length++] = (byte)value;
    }

    public void WriteInt32(int value)
    {
        Ensure(4);
        BinaryPrimitives.WriteInt32LittleEndian(_bytes.AsSpan(Length), value);
        Length += 4;
    }

    public void WriteInt64(long value)
    {
        Ensure(8);
        BinaryPrimitives.WriteInt64LittleEndian(_bytes.AsSpan(Length), value);
        Length += 8;
    }

    public void WriteUInt64(ulong value)
    {
        Ensure(8);
        BinaryPrimitives.WriteUInt64LittleEndian(_bytes.AsSpan(Length), value);
        Length += 8;
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_bytes.AsSpan(Length));
        Length += bytes.Length;
    }

    /// <summary>Appends <paramref name="width"/> (at most 32) bits of <paramref name="value"/>, least significant bit first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteBits(int value, int width)
    {
        // fewer than 32 bits wait in _bits; a full 32 are stored as one little-endian word
        _bits |= ((ulong)(uint)value & ((1UL << width) - 1)) << _bitCount;
        _bitCount += width;
        if (_bitCount >= 32)
        {
            if (Length + 4 > _bytes.Length)
            {
                Ensure(4);
            }

            BinaryPrimitives.WriteUInt32LittleEndian(_bytes.AsSpan(Length), (uint)_bits);
            Length += 4;
            _bits >>= 32;
            _bitCount -= 32;
        }
    }

    /// <summary>Appends <paramref name="count"/> bits of <paramref name="source"/> from bit <paramref name="bit"/> on (a segment's bytes: padded, so a word can be read at any bit).</summary>
    public void WriteBitsFrom(byte[] source, long bit, long count)
    {
        for (; count >= 32; count -= 32, bit += 32)
        {
            WriteBits((int)(uint)PostingEncoding.Peek(source, bit), 32);
        }

        if (count > 0)
        {
            WriteBits((int)(uint)PostingEncoding.Peek(source, bit), (int)count);
        }
    }

    /// <summary>Appends <paramref name="zeros"/> zero bits and a one bit: a unary code.</summary>
    public void WriteUnary(int zeros)
    {
        for (; zeros >= 24; zeros -= 24)
        {
            WriteBits(0, 24);
        }

        WriteBits(1 << zeros, zeros + 1);
    }

    /// <summary>Appends an Elias gamma code of <paramref name="value"/> (at least 1): its bit length − 1 in unary, then its low bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteGamma(int value)
    {
        var length = BitOperations.Log2((uint)value);
        if (length <= 15)
        {
            // one field: length zeros, a one, the length low bits
            WriteBits((1 << length) | ((value & ((1 << length) - 1)) << (length + 1)), (2 * length) + 1);
            return;
        }

        WriteUnary(length);
        WriteBits(value & ((1 << length) - 1), length);
    }

    /// <summary>Appends a Rice code of <paramref name="value"/> (at least 0) with parameter <paramref name="shift"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteRice(int value, int shift)
    {
        var quotient = value >> shift;
        if (quotient + 1 + shift <= 32)
        {
            // one field: the quotient's zeros, a one, the shift low bits
            var low = (uint)value & (uint)((1UL << shift) - 1);
            WriteBits((int)((1U << quotient) | (uint)((ulong)low << (quotient + 1))), quotient + 1 + shift);
            return;
        }

        WriteUnary(quotient);
        if (shift > 0)
        {
            WriteBits(value & (int)((1U << shift) - 1), shift);
        }
    }

    /// <summary>Writes the bits still waiting, the last byte padded with zero bits.</summary>
    public void FlushBits()
    {
        while (_bitCount > 0)
        {
            Ensure(1);
            _bytes[Length++] = (byte)_bits;
            _bits >>= 8;
            _bitCount -= 8;
        }

        _bits = 0;
        _bitCount = 0;
    }

    public void SetInt32(int offset, int value) => BinaryPrimitives.WriteInt32LittleEndian(_bytes.AsSpan(offset), value);

    public void SetInt64(int offset, long value) => BinaryPrimitives.WriteInt64LittleEndian(_bytes.AsSpan(offset), value);

    public byte[] ToArray() => _bytes.AsSpan(0, Length).ToArray();

    private void Ensure(int more)
    {
        if (Length + more > _bytes.Length)
        {
            var size = Math.Max(Length + more, (int)Math.Min(Array.MaxLength, 2L * _bytes.Length));
            Array.Resize(ref _bytes, size);
        }
    }
}
