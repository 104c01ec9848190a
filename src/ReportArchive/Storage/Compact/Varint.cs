using System.Buffers;

namespace ReportArchive.Storage.Compact;

/// <summary>Unsigned LEB128 integers (7 bits a byte, high bit = more follows), the length and value prefix of the compact columns.</summary>
internal static class Varint
{
    /// <summary>The most bytes one integer takes.</summary>
    public const int MaxLength = 10;

    public static void Write(IBufferWriter<byte> output, ulong value) => output.Advance(Write(output.GetSpan(MaxLength), value));

    /// <summary>Writes one integer at the start of <paramref name="output"/> and returns how many bytes it took.</summary>
    public static int Write(Span<byte> output, ulong value)
    {
        var written = 0;
        while (value >= 0x80)
        {
            output[written++] = (byte)(value | 0x80);
            value >>= 7;
        }

        output[written++] = (byte)value;
        return written;
    }

    /// <summary>Reads one integer at <paramref name="position"/> and moves past it.</summary>
    public static ulong Read(ReadOnlySpan<byte> input, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= input.Length)
            {
                throw new InvalidDataException("a compact column ends inside a number");
            }

            var next = input[position++];
            value |= (ulong)(next & 0x7F) << shift;
            if (next < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("a compact column holds a number longer than 64 bits");
    }

    /// <summary>Moves past one integer without decoding it.</summary>
    public static void Skip(ReadOnlySpan<byte> input, ref int position)
    {
        while (position < input.Length && input[position] >= 0x80)
        {
            position++;
        }

        if (position >= input.Length)
        {
            throw new InvalidDataException("a compact column ends inside a number");
        }

        position++;
    }

    public static void WriteString(IBufferWriter<byte> output, string value)
    {
        var length = System.Text.Encoding.UTF8.GetByteCount(value);
        Write(output, (ulong)length);
        System.Text.Encoding.UTF8.GetBytes(value, output.GetSpan(length));
        output.Advance(length);
    }

    public static string ReadString(ReadOnlySpan<byte> input, ref int position)
    {
        var length = checked((int)Read(input, ref position));
        if (length > input.Length - position)
        {
            throw new InvalidDataException("a compact column ends inside a string");
        }

        var value = System.Text.Encoding.UTF8.GetString(input.Slice(position, length));
        position += length;
        return value;
    }
}
