using System.IO.Compression;
using System.Text;
using ReportArchive.Storage.Compact;

namespace ReportArchive.Tests.Fixtures;

/// <summary>Texts as archives of schema 0005–0008 stored them, for tests that read or migrate such archives.</summary>
internal static class OldTextFormat
{
    /// <summary>Format 1: the format byte, the UTF-8 length as a varint, then Brotli at quality 5.</summary>
    public static byte[] Brotli(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var packed = new byte[BrotliEncoder.GetMaxCompressedLength(utf8.Length) + 1 + Varint.MaxLength];
        packed[0] = 1;
        var header = 1 + Varint.Write(packed.AsSpan(1), (ulong)utf8.Length);
        if (!BrotliEncoder.TryCompress(utf8, packed.AsSpan(header), out var written, 5, 22))
        {
            throw new InvalidOperationException("Brotli could not compress a test text");
        }

        return packed[..(header + written)];
    }
}
