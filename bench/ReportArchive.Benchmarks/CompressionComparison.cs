using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using ReportArchive.Corpus.Reports;
using ZstdSharp;

namespace ReportArchive.Benchmarks;

/// <summary>
/// <c>--compression N</c>: how report texts are stored, on N generated reports and the real reports in
/// <c>../shared/real-reports</c>, side by side in one run: zstd level 3 with the template-wording dictionary through
/// ZstdSharp (what the archive uses), the same through Debian's libzstd by P/Invoke (what it used before; measured
/// here only, when libzstd.so.1 is installed), and Brotli quality 5 without a dictionary (format 1). Prints the size
/// against UTF-8 and the compression and decompression rates (median of the rounds, one thread).
/// </summary>
internal static class CompressionComparison
{
    private const int Level = 3;
    private const string DictionaryResource = "ReportArchive.Storage.Compact.Data.text-dictionary-1.bin";

    public static bool Requested(string[] args, out int reports)
    {
        var at = Array.IndexOf(args, "--compression");
        reports = at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : 0;
        return at >= 0;
    }

    public static void Run(int reports, int seed, int rounds)
    {
        var dictionary = DictionaryBytes();
        var generated = new ReportCorpusGenerator(seed).Generate(reports).Select(r => Encoding.UTF8.GetBytes(r.Text)).ToArray();
        var realFolder = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "..", "shared", "real-reports", "reports");
        var real = Directory.Exists(realFolder)
            ? Directory.GetFiles(realFolder, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray()
            : [];
        // Timed over 20 passes of the 50 texts (0.2 MiB alone is too little to time); sizes are the same either way.
        real = Enumerable.Repeat(real, 20).SelectMany(t => t).ToArray();
        var codecs = new List<Codec> { ZstdSharpCodec(dictionary), BrotliCodec() };
        var native = NativeZstdCodec.TryCreate(dictionary);
        if (native is not null)
        {
            codecs.Insert(1, native);
        }
        else
        {
            Console.WriteLine("libzstd.so.1 not installed: the native baseline is left out");
        }

        foreach (var (name, texts) in new[] { ($"{reports:N0} generated reports", generated), ($"the real reports × 20 ({real.Length} texts)", real) })
        {
            if (texts.Length == 0)
            {
                continue;
            }

            var utf8 = texts.Sum(t => (long)t.Length);
            Console.WriteLine(Invariant($"{name}, {utf8 / 1048576.0:F1} MiB UTF-8:"));
            foreach (var codec in codecs)
            {
                var packed = new byte[texts.Length][];
                var compress = new List<double>();
                var decompress = new List<double>();
                for (var round = 0; round < rounds; round++)
                {
                    var clock = Stopwatch.StartNew();
                    for (var i = 0; i < texts.Length; i++)
                    {
                        packed[i] = codec.Compress(texts[i]);
                    }

                    compress.Add(utf8 / 1048576.0 / clock.Elapsed.TotalSeconds);
                    clock.Restart();
                    for (var i = 0; i < texts.Length; i++)
                    {
                        if (codec.Decompress(packed[i], texts[i].Length) != texts[i].Length)
                        {
                            throw new InvalidOperationException($"{codec.Name} did not give report {i} back");
                        }
                    }

                    decompress.Add(utf8 / 1048576.0 / clock.Elapsed.TotalSeconds);
                }

                var size = packed.Sum(p => (long)p.Length);
                Console.WriteLine(Invariant($"  {codec.Name,-34} size {size / (double)utf8:F3} of UTF-8, compress {Median(compress),7:F1} MiB/s, decompress {Median(decompress),7:F1} MiB/s"));
            }
        }
    }

    private static Codec ZstdSharpCodec(byte[] dictionary)
    {
        var compressor = new Compressor(Level);
        compressor.LoadDictionary(dictionary);
        var decompressor = new Decompressor();
        decompressor.LoadDictionary(dictionary);
        return new Codec(
            "zstd 3 + dictionary, ZstdSharp",
            source => compressor.Wrap(source).ToArray(),
            (frame, length) => decompressor.Unwrap(frame, new byte[length]));
    }

    private static Codec BrotliCodec() => new(
        "Brotli 5, no dictionary",
        source =>
        {
            var destination = new byte[BrotliEncoder.GetMaxCompressedLength(source.Length)];
            return BrotliEncoder.TryCompress(source, destination, out var written, 5, 22)
                ? destination[..written]
                : throw new InvalidOperationException("Brotli failed");
        },
        (frame, length) => BrotliDecoder.TryDecompress(frame, new byte[length], out var written) ? written : -1);

    private static byte[] DictionaryBytes()
    {
        using var stream = typeof(ReportArchive.Storage.ArchiveDatabase).Assembly.GetManifestResourceStream(DictionaryResource)
            ?? throw new InvalidOperationException("missing " + DictionaryResource);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Codec(string Name, Func<byte[], byte[]> Compress, Func<byte[], int, int> Decompress);

    /// <summary>The native library the archive called before ZstdSharp: the baseline, in this benchmark only.</summary>
    private static class NativeZstdCodec
    {
        private const string Library = "libzstd.so.1";

        public static Codec? TryCreate(byte[] dictionary)
        {
            if (!NativeLibrary.TryLoad(Library, out var handle))
            {
                return null;
            }

            NativeLibrary.Free(handle);
            var cdict = CreateCDict(ref dictionary[0], (nuint)dictionary.Length, Level);
            var ddict = CreateDDict(ref dictionary[0], (nuint)dictionary.Length);
            var cctx = CreateCCtx();
            var dctx = CreateDCtx();
            return new Codec(
                "zstd 3 + dictionary, libzstd (before)",
                source =>
                {
                    var destination = new byte[(int)CompressBound((nuint)source.Length)];
                    var written = CompressUsingCDict(cctx, ref destination[0], (nuint)destination.Length, ref source[0], (nuint)source.Length, cdict);
                    return destination[..(int)written];
                },
                (frame, length) =>
                {
                    var destination = new byte[length];
                    return (int)DecompressUsingDDict(dctx, ref destination[0], (nuint)length, ref frame[0], (nuint)frame.Length, ddict);
                });
        }

        [DllImport(Library, EntryPoint = "ZSTD_createCDict")]
        private static extern IntPtr CreateCDict(ref byte dictionary, nuint size, int level);

        [DllImport(Library, EntryPoint = "ZSTD_createDDict")]
        private static extern IntPtr CreateDDict(ref byte dictionary, nuint size);

        [DllImport(Library, EntryPoint = "ZSTD_createCCtx")]
        private static extern IntPtr CreateCCtx();

        [DllImport(Library, EntryPoint = "ZSTD_createDCtx")]
        private static extern IntPtr CreateDCtx();

        [DllImport(Library, EntryPoint = "ZSTD_compressBound")]
        private static extern nuint CompressBound(nuint size);

        [DllImport(Library, EntryPoint = "ZSTD_compress_usingCDict")]
        private static extern nuint CompressUsingCDict(IntPtr context, ref byte destination, nuint capacity, ref byte source, nuint size, IntPtr dictionary);

        [DllImport(Library, EntryPoint = "ZSTD_decompress_usingDDict")]
        private static extern nuint DecompressUsingDDict(IntPtr context, ref byte destination, nuint capacity, ref byte source, nuint size, IntPtr dictionary);
    }
}
