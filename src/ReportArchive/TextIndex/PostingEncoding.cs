using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ReportArchive.TextIndex;

/// <summary>The two encodings of a segment's postings: LEB128 variable-length integers and fixed-width bit fields.</summary>
internal static class PostingEncoding
{
    /// <summary>Zero bytes after the last posting, so a bit field is always read as one unaligned 64-bit word.</summary>
    public const int Padding = 8;

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

    /// <summary>Reads <paramref name="width"/> (at most 32) bits starting at bit <paramref name="bit"/>, least significant bit first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ReadBits(byte[] data, long bit, int width)
    {
        var word = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(data), (nint)(bit >> 3)));
        return (int)((word >> (int)(bit & 7)) & ((1UL << width) - 1));
    }

    /// <summary>The bit width of every position of a report whose fields have these lengths (positions are below their sum + 2).</summary>
    public static int PositionWidth(int titleLength, int agencyLength, int bodyLength) =>
        Math.Max(1, 64 - (int)ulong.LeadingZeroCount((ulong)titleLength + (ulong)agencyLength + (ulong)bodyLength + 2));
}
