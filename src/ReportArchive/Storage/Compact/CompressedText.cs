using System.Buffers;
using System.IO.Compression;
using System.Text;

namespace ReportArchive.Storage.Compact;

/// <summary>
/// A report's text as the archive stores it: one format byte (1 = Brotli), the length of the UTF-8 text as a
/// varint, then the Brotli stream of the UTF-8 bytes. Brotli at quality 5 was chosen by measurement
/// (docs/performance.md): 0.37 of the UTF-8 size against 0.40 for Deflate, at a compression cost paid while the
/// import parses (off the write lock) and a decompression of a few tens of microseconds a report.
/// </summary>
internal static class CompressedText
{
    private const byte BrotliFormat = 1;
    private const int Quality = 5;
    private const int WindowBits = 22;

    public static byte[] Compress(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var length = Encoding.UTF8.GetByteCount(text);
        var utf8 = ArrayPool<byte>.Shared.Rent(length);
        var packed = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(length) + 1 + Varint.MaxLength);
        try
        {
            Encoding.UTF8.GetBytes(text, utf8);
            packed[0] = BrotliFormat;
            var header = 1 + Varint.Write(packed.AsSpan(1), (ulong)length);
            if (!BrotliEncoder.TryCompress(utf8.AsSpan(0, length), packed.AsSpan(header), out var written, Quality, WindowBits))
            {
                throw new InvalidOperationException("Brotli could not compress a report's text");
            }

            return packed.AsSpan(0, header + written).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
            ArrayPool<byte>.Shared.Return(packed);
        }
    }

    public static string Decompress(ReadOnlySpan<byte> stored)
    {
        if (stored.IsEmpty || stored[0] != BrotliFormat)
        {
            throw new InvalidDataException($"a stored text has an unknown format ({(stored.IsEmpty ? "empty" : stored[0].ToString(System.Globalization.CultureInfo.InvariantCulture))})");
        }

        var position = 1;
        var length = checked((int)Varint.Read(stored, ref position));
        if (length == 0)
        {
            return "";
        }

        var utf8 = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            if (!BrotliDecoder.TryDecompress(stored[position..], utf8.AsSpan(0, length), out var written) || written != length)
            {
                throw new InvalidDataException("a stored text does not decompress to its recorded length");
            }

            return Encoding.UTF8.GetString(utf8, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }
}
