using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ReportArchive.TextIndex;

/// <summary>
/// The encodings of a segment's postings: LEB128 variable-length integers for the postings' headers, and bit streams
/// (least significant bit first) of fixed-width fields, unary codes, Elias gamma codes and Rice codes for the rest.
/// </summary>
internal static class PostingEncoding
{
    /// <summary>Zero bytes after the last posting, so a bit field is always read as one unaligned 64-bit word.</summary>
    public const int Padding = 8;

    /// <summary>Bits of a word read at any bit offset that are valid (the first 8 − offset % 8 … 64 − offset % 8).</summary>
    private const int PeekBits = 56;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ReadVarint(byte[] data, ref int offset)
    {
        ulong value = data[offset++];
        if (value < 0x80)
        {
            return value;
        }

        value &= 0x7F;
        var shift = 7;
        while (true)
        {
            ulong next = data[offset++];
            value |= (next & 0x7F) << shift;
            if (next < 0x80)
            {
                return value;
            }

            shift += 7;
        }
    }

    /// <summary>The 56 bits starting at bit <paramref name="bit"/>, least significant bit first (higher bits zero).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Peek(byte[] data, long bit)
    {
        var word = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(data), (nint)(bit >> 3)));
        return (word >> (int)(bit & 7)) & ((1UL << PeekBits) - 1);
    }

    /// <summary>Reads <paramref name="width"/> (at most 32) bits starting at bit <paramref name="bit"/>, least significant bit first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ReadBits(byte[] data, long bit, int width) => (int)(Peek(data, bit) & ((1UL << width) - 1));

    /// <summary>A unary code: the number of zero bits before the next one bit (which it consumes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ReadUnary(byte[] data, ref long bit)
    {
        var word = Peek(data, bit);
        if (word != 0)
        {
            var zeros = BitOperations.TrailingZeroCount(word);
            bit += zeros + 1;
            return zeros;
        }

        return ReadLongUnary(data, ref bit);
    }

    /// <summary>An Elias gamma code of a value of at least 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ReadGamma(byte[] data, ref long bit)
    {
        var word = Peek(data, bit);
        var length = BitOperations.TrailingZeroCount(word | (1UL << 40));
        if (length <= 27)
        {
            // one word holds the whole code: length zeros, a one, length low bits
            bit += (2 * length) + 1;
            return (int)((1UL << length) | ((word >> (length + 1)) & ((1UL << length) - 1)));
        }

        length = ReadUnary(data, ref bit);
        var low = ReadBits(data, bit, length);
        bit += length;
        return (int)((1UL << length) | (uint)low);
    }

    /// <summary>A Rice code with parameter <paramref name="shift"/>: the quotient in unary, then <paramref name="shift"/> low bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ReadRice(byte[] data, ref long bit, int shift)
    {
        var word = Peek(data, bit);
        if (word != 0)
        {
            var quotient = BitOperations.TrailingZeroCount(word);
            if (quotient + 1 + shift <= PeekBits)
            {
                bit += quotient + 1 + shift;
                return (quotient << shift) | (int)((word >> (quotient + 1)) & ((1UL << shift) - 1));
            }
        }

        var high = ReadUnary(data, ref bit);
        var value = (high << shift) | ReadBits(data, bit, shift);
        bit += shift;
        return value;
    }

    /// <summary>The bits of an Elias gamma code of <paramref name="value"/> (at least 1).</summary>
    public static int GammaLength(int value) => (2 * BitOperations.Log2((uint)value)) + 1;

    /// <summary>The bit width of a report's position when it holds the key once (positions are below the sum of its field lengths + 2).</summary>
    public static int PositionWidth(int titleLength, int agencyLength, int bodyLength) =>
        Math.Max(1, 64 - (int)ulong.LeadingZeroCount((ulong)titleLength + (ulong)agencyLength + (ulong)bodyLength + 2));

    /// <summary>
    /// The Rice parameter of the gaps between the <paramref name="count"/> (at least 2) positions of a key in a report
    /// whose position space is <paramref name="space"/> (the sum of its field lengths + 2): ⌊log2(space / count)⌋,
    /// without a division (the largest k with count · 2^k ≤ space).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int PositionShift(int space, int count)
    {
        var shift = BitOperations.Log2((uint)space) - BitOperations.Log2((uint)count);
        return shift <= 0 ? 0 : ((long)count << shift) > space ? shift - 1 : shift;
    }

    /// <summary>The Rice parameter of a key's document gaps: ⌊log2(documents / frequency)⌋.</summary>
    public static int DocumentShift(int documents, int frequency) => frequency <= 0 ? 0 : BitOperations.Log2((uint)Math.Max(1, documents / frequency));

    private static int ReadLongUnary(byte[] data, ref long bit)
    {
        var zeros = 0;
        while (true)
        {
            var word = Peek(data, bit);
            if (word != 0)
            {
                var more = BitOperations.TrailingZeroCount(word);
                bit += more + 1;
                return zeros + more;
            }

            zeros += PeekBits;
            bit += PeekBits;
        }
    }
}
