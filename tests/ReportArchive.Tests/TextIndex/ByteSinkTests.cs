using ReportArchive.TextIndex;

namespace ReportArchive.Tests.TextIndex;

/// <summary>The bit writer against a one-bit-at-a-time reference: the same stream, whatever the mix of codes.</summary>
public sealed class ByteSinkTests
{
    [Fact]
    public void Codes_WriteTheSameBitsAsOneBitAtATime_AndDecodeBack()
    {
        var random = new Random(11);
        var sink = new ByteSink(16);
        var reference = new List<bool>();
        var written = new List<(int Kind, int Value, int Parameter)>();
        for (var i = 0; i < 20_000; i++)
        {
            var kind = random.Next(4);
            var parameter = random.Next(kind == 0 ? 33 : 20);
            var value = kind switch
            {
                0 => parameter == 0 ? 0 : (int)(random.NextInt64(1L << parameter) & uint.MaxValue), // fixed width, up to 32 bits
                1 => 1 + random.Next(random.Next(2) == 0 ? 40 : int.MaxValue - 1), // gamma: short and long codes
                2 => random.Next(random.Next(2) == 0 ? 100 : 1 << 12), // rice: short and long quotients
                _ => random.Next(random.Next(4) == 0 ? 200 : 10), // unary
            };
            written.Add((kind, value, parameter));
            switch (kind)
            {
                case 0:
                    sink.WriteBits(value, parameter);
                    AppendBits(reference, (uint)value, parameter);
                    break;
                case 1:
                    sink.WriteGamma(value);
                    var length = 31 - int.LeadingZeroCount(value);
                    AppendUnary(reference, length);
                    AppendBits(reference, (uint)value, length);
                    break;
                case 2:
                    sink.WriteRice(value, parameter);
                    AppendUnary(reference, value >> parameter);
                    AppendBits(reference, (uint)value, parameter);
                    break;
                default:
                    sink.WriteUnary(value);
                    AppendUnary(reference, value);
                    break;
            }
        }

        sink.FlushBits();
        Assert.Equal(Pack(reference), sink.Written.ToArray());

        var data = sink.Written.ToArray().Concat(new byte[PostingEncoding.Padding]).ToArray();
        long bit = 0;
        foreach (var (kind, value, parameter) in written)
        {
            switch (kind)
            {
                case 0:
                    Assert.Equal(value, parameter == 0 ? 0 : (int)(PostingEncoding.Peek(data, bit) & ((1UL << parameter) - 1)));
                    bit += parameter;
                    break;
                case 1:
                    Assert.Equal(value, PostingEncoding.ReadGamma(data, ref bit));
                    break;
                case 2:
                    Assert.Equal(value, PostingEncoding.ReadRice(data, ref bit, parameter));
                    break;
                default:
                    Assert.Equal(value, PostingEncoding.ReadUnary(data, ref bit));
                    break;
            }
        }
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 31)]
    [InlineData(5, 32)]
    [InlineData(7, 33)]
    [InlineData(13, 700)]
    public void WriteBitsFrom_CopiesABitRange_AfterBitsAlreadyWaiting(int from, int count)
    {
        var random = new Random(from + count);
        var source = new byte[(from + count + 7) / 8 + PostingEncoding.Padding];
        random.NextBytes(source.AsSpan(0, source.Length - PostingEncoding.Padding));
        var sourceBits = Unpack(source).Skip(from).Take(count).ToList();

        var sink = new ByteSink(16);
        sink.WriteBits(0b101, 3);
        sink.WriteBitsFrom(source, from, count);
        sink.FlushBits();

        var expected = new List<bool> { true, false, true };
        expected.AddRange(sourceBits);
        Assert.Equal(Pack(expected), sink.Written.ToArray());
    }

    private static void AppendBits(List<bool> bits, uint value, int width)
    {
        for (var i = 0; i < width; i++)
        {
            bits.Add(((value >> i) & 1) != 0);
        }
    }

    private static void AppendUnary(List<bool> bits, int zeros)
    {
        bits.AddRange(Enumerable.Repeat(false, zeros));
        bits.Add(true);
    }

    private static byte[] Pack(List<bool> bits)
    {
        var bytes = new byte[(bits.Count + 7) / 8];
        for (var i = 0; i < bits.Count; i++)
        {
            if (bits[i])
            {
                bytes[i / 8] |= (byte)(1 << (i % 8));
            }
        }

        return bytes;
    }

    private static IEnumerable<bool> Unpack(byte[] bytes) =>
        Enumerable.Range(0, bytes.Length * 8).Select(i => ((bytes[i / 8] >> (i % 8)) & 1) != 0);
}
