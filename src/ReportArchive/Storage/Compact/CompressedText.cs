using System.Buffers;
using System.IO.Compression;
using System.Text;

namespace ReportArchive.Storage.Compact;

/// <summary>
/// A report's text as the archive stores it: one format byte, the length of the UTF-8 text as a varint, then the
/// compressed UTF-8 bytes. Format 2 (written since migration 0009) is one zstd frame compressed with the
/// template-wording dictionary (<see cref="TextDictionary"/>): 0.18 of the UTF-8 size of generated reports and
/// 0.27 of the real seed reports (each left out of the dictionary), against 0.38–0.39 for format 1 (Brotli quality 5,
/// written by migrations 0005–0008), at an eighth of Brotli's compression time and a third of its decompression time
/// (docs/performance.md). Format 1 is still read.
/// </summary>
internal static class CompressedText
{
    private const byte BrotliFormat = 1;
    private const byte DictionaryFormat = 2;

    public static byte[] Compress(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var length = Encoding.UTF8.GetByteCount(text);
        var utf8 = ArrayPool<byte>.Shared.Rent(length);
        var packed = ArrayPool<byte>.Shared.Rent(TextDictionary.MaxCompressedLength(length) + 1 + Varint.MaxLength);
        try
        {
            Encoding.UTF8.GetBytes(text, utf8);
            packed[0] = DictionaryFormat;
            var header = 1 + Varint.Write(packed.AsSpan(1), (ulong)length);
            var written = TextDictionary.Compress(utf8.AsSpan(0, length), packed.AsSpan(header));
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
        if (stored.IsEmpty || stored[0] is not (BrotliFormat or DictionaryFormat))
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
            var frame = stored[position..];
            int written;
            if (stored[0] == DictionaryFormat)
            {
                written = TextDictionary.Decompress(frame, utf8.AsSpan(0, length));
            }
            else if (!BrotliDecoder.TryDecompress(frame, utf8.AsSpan(0, length), out written))
            {
                written = -1;
            }

            if (written != length)
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
