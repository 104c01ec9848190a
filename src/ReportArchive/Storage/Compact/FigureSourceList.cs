using System.Buffers;
using ReportArchive.Figures;

namespace ReportArchive.Storage.Compact;

/// <summary>
/// Where a report's figures were read (<c>report_figure_sources.sources</c>): a format byte (1), a varint count, then
/// for each figure its key (string), a flags byte and the span's start and length (varints), followed by the
/// strings the flags announce. Bits 0 to 3 mark a stored table, row, column and sentence; bit 4 marks a sentence
/// that is exactly the span of the report's text, which is not stored again but cut from the text on reading.
/// Bits 5 and 6 hold the kind. A report without sources has no row: it reads as an empty map.
/// </summary>
internal static class FigureSourceList
{
    private const byte Format = 1;
    private const byte HasTable = 1;
    private const byte HasRow = 2;
    private const byte HasColumn = 4;
    private const byte HasSentence = 8;
    private const byte SentenceIsSpan = 16;
    private const int KindShift = 5;

    /// <summary>The encoded sources, or null when there are none (no row is written).</summary>
    public static byte[]? Encode(IReadOnlyDictionary<string, FigureSource> sources, string text)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(text);
        if (sources.Count == 0)
        {
            return null;
        }

        var output = new ArrayBufferWriter<byte>(16 + sources.Count * 24);
        output.Write([Format]);
        Varint.Write(output, (ulong)sources.Count);
        foreach (var (key, source) in sources)
        {
            var sentenceIsSpan = source.Sentence is { } sentence && IsSpan(text, source, sentence);
            var flags = (byte)(
                (source.Table is null ? 0 : HasTable)
                | (source.Row is null ? 0 : HasRow)
                | (source.Column is null ? 0 : HasColumn)
                | (source.Sentence is null || sentenceIsSpan ? 0 : HasSentence)
                | (sentenceIsSpan ? SentenceIsSpan : 0)
                | ((int)source.Kind << KindShift));
            Varint.WriteString(output, key);
            output.Write([flags]);
            Varint.Write(output, (ulong)source.Start);
            Varint.Write(output, (ulong)source.Length);
            foreach (var value in (string?[])[source.Table, source.Row, source.Column, sentenceIsSpan ? null : source.Sentence])
            {
                if (value is not null)
                {
                    Varint.WriteString(output, value);
                }
            }
        }

        return output.WrittenSpan.ToArray();
    }

    /// <summary>The sources as stored; an empty map for no row (<paramref name="stored"/> null).</summary>
    public static IReadOnlyDictionary<string, FigureSource> Decode(byte[]? stored, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sources = new Dictionary<string, FigureSource>(StringComparer.Ordinal);
        if (stored is null)
        {
            return sources;
        }

        if (stored.Length == 0 || stored[0] != Format)
        {
            throw new InvalidDataException($"stored figure sources have an unknown format ({(stored.Length == 0 ? "empty" : stored[0])})");
        }

        var span = stored.AsSpan();
        var position = 1;
        var count = checked((int)Varint.Read(span, ref position));
        for (var i = 0; i < count; i++)
        {
            var key = Varint.ReadString(span, ref position);
            if (position >= span.Length)
            {
                throw new InvalidDataException("stored figure sources end inside a source");
            }

            var flags = span[position++];
            var start = checked((int)Varint.Read(span, ref position));
            var length = checked((int)Varint.Read(span, ref position));
            string? Next(byte flag, ref int at) => (flags & flag) != 0 ? Varint.ReadString(stored, ref at) : null;
            var table = Next(HasTable, ref position);
            var row = Next(HasRow, ref position);
            var column = Next(HasColumn, ref position);
            var sentence = Next(HasSentence, ref position);
            if ((flags & SentenceIsSpan) != 0)
            {
                sentence = start >= 0 && length >= 0 && start <= text.Length - length
                    ? text.Substring(start, length)
                    : throw new InvalidDataException($"the stored source of {key} lies outside the report's text");
            }

            sources[key] = new FigureSource((FigureSourceKind)(flags >> KindShift), start, length, table, row, column, sentence);
        }

        if (position != span.Length)
        {
            throw new InvalidDataException("stored figure sources hold more bytes than their count says");
        }

        return sources;
    }

    private static bool IsSpan(string text, FigureSource source, string sentence)
        => source.Start >= 0 && source.Length == sentence.Length && source.Start <= text.Length - source.Length
            && text.AsSpan(source.Start, source.Length).SequenceEqual(sentence);
}
