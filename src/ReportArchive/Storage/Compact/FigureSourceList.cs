using System.Buffers;
using System.IO.Compression;
using ReportArchive.Figures;

namespace ReportArchive.Storage.Compact;

/// <summary>
/// Where a report's figures were read (<c>report_figure_sources.sources</c>): a format byte, a varint count, then for
/// each figure its key, a flags byte, the span's start and length, followed by the strings the flags announce. Bits 0
/// to 3 mark a stored table, row, column and sentence; bit 4 marks a sentence that is exactly the span of the report's
/// text, which is not stored again but cut from the text on reading. Bits 5 and 6 hold the kind. A report without
/// sources has no row: it reads as an empty map.
/// <para>
/// Format 1 wrote every string as text and every start as it is: 19 KB a generated report, five times the rest of
/// the archive. Format 2 (written now; both are read) writes the key and the labels as references into
/// <c>Data/figure-source-strings-1.txt</c> (0 then the text for a string it lacks), the key's reference as the
/// difference from the previous key's (consecutive cells of a row differ by one), the start as the zigzag difference
/// from the previous start, and bit 7 for "same table and row as the previous figure" (about 1 KB a report), and then
/// compresses all that follows the format byte with Brotli (a varint of the plain length first): about 0.3 KB.
/// </para>
/// </summary>
internal static class FigureSourceList
{
    private const byte Format1 = 1;
    private const byte Format2 = 2;
    private const byte SameTableAndRow = 128;
    private const byte HasTable = 1;
    private const byte HasRow = 2;
    private const byte HasColumn = 4;
    private const byte HasSentence = 8;
    private const byte SentenceIsSpan = 16;
    private const int KindShift = 5;

    /// <summary>The encoded sources (format 2), or null when there are none (no row is written).</summary>
    public static byte[]? Encode(IReadOnlyDictionary<string, FigureSource> sources, string text)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(text);
        if (sources.Count == 0)
        {
            return null;
        }

        var output = new ArrayBufferWriter<byte>(16 + sources.Count * 6);
        Varint.Write(output, (ulong)sources.Count);
        var previousKey = -1;
        var previousStart = 0;
        FigureSource? previous = null;
        foreach (var (key, source) in sources)
        {
            var sentenceIsSpan = source.Sentence is { } sentence && IsSpan(text, source, sentence);
            var sameTableAndRow = previous is not null && source.Table is not null && source.Row is not null
                && source.Table == previous.Table && source.Row == previous.Row;
            var flags = (byte)(
                (source.Table is null || sameTableAndRow ? 0 : HasTable)
                | (source.Row is null || sameTableAndRow ? 0 : HasRow)
                | (source.Column is null ? 0 : HasColumn)
                | (source.Sentence is null || sentenceIsSpan ? 0 : HasSentence)
                | (sentenceIsSpan ? SentenceIsSpan : 0)
                | ((int)source.Kind << KindShift)
                | (sameTableAndRow ? SameTableAndRow : 0));
            if (FigureSourceStrings.IndexOf(key) is { } keyIndex)
            {
                Varint.Write(output, Zigzag(keyIndex - previousKey) + 1);
                previousKey = keyIndex;
            }
            else
            {
                Varint.Write(output, 0);
                Varint.WriteString(output, key);
            }

            output.Write([flags]);
            Varint.Write(output, Zigzag(source.Start - previousStart));
            Varint.Write(output, (ulong)source.Length);
            previousStart = source.Start;
            foreach (var value in (string?[])[
                sameTableAndRow ? null : source.Table, sameTableAndRow ? null : source.Row, source.Column, sentenceIsSpan ? null : source.Sentence])
            {
                if (value is not null)
                {
                    WriteReference(output, value);
                }
            }

            previous = source;
        }

        return Compress(output.WrittenSpan);
    }

    private static byte[] Compress(ReadOnlySpan<byte> plain)
    {
        var compressed = new byte[1 + Varint.MaxLength + BrotliEncoder.GetMaxCompressedLength(plain.Length)];
        compressed[0] = Format2;
        var header = 1 + Varint.Write(compressed.AsSpan(1), (ulong)plain.Length);
        if (!BrotliEncoder.TryCompress(plain, compressed.AsSpan(header), out var written, quality: 6, window: 16))
        {
            throw new InvalidOperationException("figure sources did not fit the compression buffer");
        }

        return compressed.AsSpan(0, header + written).ToArray();
    }

    /// <summary>Format 2's plain bytes (count onward), from after its format byte.</summary>
    private static byte[] Decompress(ReadOnlySpan<byte> stored)
    {
        var position = 0;
        var length = Varint.Read(stored, ref position);
        if (length > 64 * 1024 * 1024)
        {
            throw new InvalidDataException($"stored figure sources claim {length} bytes");
        }

        var plain = new byte[length];
        if (!BrotliDecoder.TryDecompress(stored[position..], plain, out var written) || written != plain.Length)
        {
            throw new InvalidDataException("stored figure sources do not decompress to their stated length");
        }

        return plain;
    }

    /// <summary>The sources as stored (format 1 or 2); an empty map for no row (<paramref name="stored"/> null).</summary>
    public static IReadOnlyDictionary<string, FigureSource> Decode(byte[]? stored, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sources = new Dictionary<string, FigureSource>(StringComparer.Ordinal);
        if (stored is null)
        {
            return sources;
        }

        if (stored.Length == 0 || stored[0] is not (Format1 or Format2))
        {
            throw new InvalidDataException($"stored figure sources have an unknown format ({(stored.Length == 0 ? "empty" : stored[0])})");
        }

        var format2 = stored[0] == Format2;
        if (format2)
        {
            stored = Decompress(stored.AsSpan(1));
        }

        var span = stored.AsSpan();
        var position = format2 ? 0 : 1;
        var count = checked((int)Varint.Read(span, ref position));
        var previousKey = -1;
        var previousStart = 0;
        FigureSource? previous = null;
        for (var i = 0; i < count; i++)
        {
            string key;
            if (!format2)
            {
                key = Varint.ReadString(span, ref position);
            }
            else if (Varint.Read(span, ref position) is var keyReference and > 0)
            {
                previousKey = checked(previousKey + Unzigzag(keyReference - 1));
                key = FigureSourceStrings.At(previousKey);
            }
            else
            {
                key = Varint.ReadString(span, ref position);
            }

            if (position >= span.Length)
            {
                throw new InvalidDataException("stored figure sources end inside a source");
            }

            var flags = span[position++];
            var start = format2
                ? checked(previousStart + Unzigzag(Varint.Read(span, ref position)))
                : checked((int)Varint.Read(span, ref position));
            var length = checked((int)Varint.Read(span, ref position));
            previousStart = start;
            string? Next(byte flag, ref int at) => (flags & flag) == 0 ? null : format2 ? ReadReference(stored, ref at) : Varint.ReadString(stored, ref at);
            var table = Next(HasTable, ref position);
            var row = Next(HasRow, ref position);
            var column = Next(HasColumn, ref position);
            var sentence = Next(HasSentence, ref position);
            if (format2 && (flags & SameTableAndRow) != 0)
            {
                table = previous?.Table ?? throw new InvalidDataException($"the stored source of {key} repeats a table that no source before gives");
                row = previous.Row;
            }

            if ((flags & SentenceIsSpan) != 0)
            {
                sentence = start >= 0 && length >= 0 && start <= text.Length - length
                    ? text.Substring(start, length)
                    : throw new InvalidDataException($"the stored source of {key} lies outside the report's text");
            }

            previous = sources[key] = new FigureSource((FigureSourceKind)((flags >> KindShift) & 3), start, length, table, row, column, sentence);
        }

        if (position != span.Length)
        {
            throw new InvalidDataException("stored figure sources hold more bytes than their count says");
        }

        return sources;
    }

    private static void WriteReference(IBufferWriter<byte> output, string value)
    {
        if (FigureSourceStrings.IndexOf(value) is { } index)
        {
            Varint.Write(output, (ulong)index + 1);
        }
        else
        {
            Varint.Write(output, 0);
            Varint.WriteString(output, value);
        }
    }

    private static string ReadReference(ReadOnlySpan<byte> input, ref int position)
    {
        var reference = Varint.Read(input, ref position);
        return reference == 0 ? Varint.ReadString(input, ref position) : FigureSourceStrings.At(checked((int)(reference - 1)));
    }

    private static ulong Zigzag(int value) => (ulong)(uint)((value << 1) ^ (value >> 31));

    private static int Unzigzag(ulong value) => value > uint.MaxValue
        ? throw new InvalidDataException("a stored figure source's difference is out of range")
        : (int)((uint)value >> 1) ^ -(int)((uint)value & 1);

    private static bool IsSpan(string text, FigureSource source, string sentence)
        => source.Start >= 0 && source.Length == sentence.Length && source.Start <= text.Length - source.Length
            && text.AsSpan(source.Start, source.Length).SequenceEqual(sentence);
}
