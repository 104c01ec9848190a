using System.Buffers;
using System.IO.Compression;
using ReportArchive.Figures;

namespace ReportArchive.Storage.Compact;

/// <summary>
/// A report's checks as one column (<c>report_checks.checks</c>): a format byte (1), the number of checks and of
/// failed checks as varints (counts without decompressing), then the Brotli stream of every check in order —
/// ok as one byte, rule and detail as length-prefixed UTF-8. Every check is kept as the parser wrote it, passed ones
/// included: 42 checks a report take ~600 bytes this way against ~4,700 as rows (docs/performance.md).
/// </summary>
internal static class CheckList
{
    private const byte BrotliFormat = 1;
    private const int Quality = 5;
    private const int WindowBits = 22;

    public static byte[] Encode(IReadOnlyList<FigureCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var plain = new ArrayBufferWriter<byte>(4096);
        foreach (var check in checks)
        {
            plain.Write([check.Ok ? (byte)1 : (byte)0]);
            Varint.WriteString(plain, check.Rule);
            Varint.WriteString(plain, check.Detail);
        }

        var output = new ArrayBufferWriter<byte>(1024);
        output.Write([BrotliFormat]);
        Varint.Write(output, (ulong)checks.Count);
        Varint.Write(output, (ulong)checks.Count(c => !c.Ok));
        Varint.Write(output, (ulong)plain.WrittenCount);
        var packed = output.GetSpan(BrotliEncoder.GetMaxCompressedLength(plain.WrittenCount));
        if (!BrotliEncoder.TryCompress(plain.WrittenSpan, packed, out var written, Quality, WindowBits))
        {
            throw new InvalidOperationException("Brotli could not compress a report's checks");
        }

        output.Advance(written);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>How many checks there are and how many failed, read from the header only.</summary>
    public static (int Total, int Failed) Counts(ReadOnlySpan<byte> stored)
    {
        var position = Start(stored);
        var total = checked((int)Varint.Read(stored, ref position));
        var failed = checked((int)Varint.Read(stored, ref position));
        return (total, failed);
    }

    public static List<FigureCheck> Decode(ReadOnlySpan<byte> stored)
    {
        var position = Start(stored);
        var count = checked((int)Varint.Read(stored, ref position));
        Varint.Skip(stored, ref position);
        var length = checked((int)Varint.Read(stored, ref position));
        var plain = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            if (!BrotliDecoder.TryDecompress(stored[position..], plain.AsSpan(0, length), out var written) || written != length)
            {
                throw new InvalidDataException("stored checks do not decompress to their recorded length");
            }

            var checks = new List<FigureCheck>(count);
            var span = plain.AsSpan(0, length);
            var at = 0;
            for (var i = 0; i < count; i++)
            {
                var ok = span[at++] != 0;
                var rule = Varint.ReadString(span, ref at);
                checks.Add(new FigureCheck(rule, ok, Varint.ReadString(span, ref at)));
            }

            return checks;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(plain);
        }
    }

    private static int Start(ReadOnlySpan<byte> stored) =>
        stored.IsEmpty || stored[0] != BrotliFormat
            ? throw new InvalidDataException($"stored checks have an unknown format ({(stored.IsEmpty ? "empty" : stored[0].ToString(System.Globalization.CultureInfo.InvariantCulture))})")
            : 1;
}
