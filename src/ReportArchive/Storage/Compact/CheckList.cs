using System.Buffers;
using System.IO.Compression;
using ReportArchive.Figures;

namespace ReportArchive.Storage.Compact;

/// <summary>
/// A report's checks as one column (<c>report_checks.checks</c>): a format byte (1), the number of checks and of
/// failed checks (counts without decompressing), the number of leading checks that are the template's identities
/// recomputed from the stored figures, then the Brotli stream of the other checks in order — ok as one byte, rule
/// and detail as length-prefixed UTF-8.
/// <para>
/// The identity checks (勾稽关系, <see cref="FigureIdentityChecker"/>) are a pure function of the template and the
/// figures, so they are stored as a count and recomputed on read — only when recomputing reproduced them exactly at
/// write time; the narrative cross-checks, which quote the text, are stored. Measured at 10,000 reports
/// (docs/performance.md): ~790 bytes a report with every check stored and Brotli-compressed, ~70 this way, against
/// ~4,700 as rows.
/// A change to the identity checker's output therefore applies to every stored report on read.
/// </para>
/// </summary>
internal static class CheckList
{
    private const byte Format = 1;
    private const int Quality = 5;
    private const int WindowBits = 22;

    public static byte[] Encode(string? template, IReadOnlyDictionary<string, decimal?> figures, IReadOnlyList<FigureCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(checks);
        var identities = IdentityChecks(template, figures);
        var recomputed = identities.Count <= checks.Count && identities.SequenceEqual(checks.Take(identities.Count)) ? identities.Count : 0;

        var plain = new ArrayBufferWriter<byte>(1024);
        foreach (var check in checks.Skip(recomputed))
        {
            plain.Write([check.Ok ? (byte)1 : (byte)0]);
            Varint.WriteString(plain, check.Rule);
            Varint.WriteString(plain, check.Detail);
        }

        var output = new ArrayBufferWriter<byte>(256);
        output.Write([Format]);
        Varint.Write(output, (ulong)checks.Count);
        Varint.Write(output, (ulong)checks.Count(c => !c.Ok));
        Varint.Write(output, (ulong)recomputed);
        Varint.Write(output, (ulong)plain.WrittenCount);
        if (plain.WrittenCount > 0)
        {
            var packed = output.GetSpan(BrotliEncoder.GetMaxCompressedLength(plain.WrittenCount));
            if (!BrotliEncoder.TryCompress(plain.WrittenSpan, packed, out var written, Quality, WindowBits))
            {
                throw new InvalidOperationException("Brotli could not compress a report's checks");
            }

            output.Advance(written);
        }

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

    /// <summary>Every check in order; <paramref name="template"/> and <paramref name="figures"/> are the report's, as stored with the checks.</summary>
    public static List<FigureCheck> Decode(ReadOnlySpan<byte> stored, string? template, IReadOnlyDictionary<string, decimal?> figures)
    {
        var position = Start(stored);
        var count = checked((int)Varint.Read(stored, ref position));
        Varint.Skip(stored, ref position);
        var recomputed = checked((int)Varint.Read(stored, ref position));
        var length = checked((int)Varint.Read(stored, ref position));
        var checks = new List<FigureCheck>(count);
        if (recomputed > 0)
        {
            var identities = IdentityChecks(template, figures);
            if (identities.Count != recomputed)
            {
                throw new InvalidDataException($"stored checks begin with {recomputed} identity checks, the figures give {identities.Count}");
            }

            checks.AddRange(identities);
        }

        var plain = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            if (length > 0 && (!BrotliDecoder.TryDecompress(stored[position..], plain.AsSpan(0, length), out var written) || written != length))
            {
                throw new InvalidDataException("stored checks do not decompress to their recorded length");
            }

            var span = plain.AsSpan(0, length);
            var at = 0;
            while (checks.Count < count)
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

    /// <summary>The template's identity checks on the figures; none when the figures are not exactly the template's cells.</summary>
    private static List<FigureCheck> IdentityChecks(string? template, IReadOnlyDictionary<string, decimal?> figures)
    {
        var checks = new List<FigureCheck>();
        if (template is not (FigureKeys.Template2019 or FigureKeys.Template2021))
        {
            return checks;
        }

        var shape = TemplateShape.For(template);
        if (figures.Count == shape.Keys.Count && shape.Keys.All(k => figures.ContainsKey(k.Key)))
        {
            FigureIdentityChecker.Check(shape, figures, checks);
        }

        return checks;
    }

    private static int Start(ReadOnlySpan<byte> stored) =>
        stored.IsEmpty || stored[0] != Format
            ? throw new InvalidDataException($"stored checks have an unknown format ({(stored.IsEmpty ? "empty" : stored[0].ToString(System.Globalization.CultureInfo.InvariantCulture))})")
            : 1;
}
