using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace ReportArchive.Storage.Compact;

/// <summary>
/// zstd with the template-wording dictionary (<c>Data/text-dictionary-1.bin</c>, see its README): what every report
/// says in the template's words — headings, table labels, the regulation's name — is copied from the dictionary
/// instead of being spelt out once in each text. The prepared dictionaries are made once per process and shared by
/// every thread; each call borrows a compression or decompression context from a small pool.
/// </summary>
internal static class TextDictionary
{
    /// <summary>zstd's level: chosen by measurement (docs/performance.md, "Compact report rows and texts").</summary>
    public const int Level = 3;

    internal const string ResourceName = "ReportArchive.Storage.Compact.Data.text-dictionary-1.bin";

    /// <summary>Contexts kept for reuse; more than this at once are freed after use.</summary>
    private static readonly int PooledContexts = Environment.ProcessorCount * 2;

    private static readonly Lazy<(IntPtr Compression, IntPtr Decompression)> Prepared = new(Prepare);
    private static readonly ConcurrentQueue<IntPtr> CompressionContexts = new();
    private static readonly ConcurrentQueue<IntPtr> DecompressionContexts = new();

    /// <summary>The dictionary's bytes as embedded in this assembly.</summary>
    public static byte[] Bytes()
    {
        using var stream = typeof(TextDictionary).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"missing resource {ResourceName}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static int MaxCompressedLength(int length) => checked((int)NativeZstd.CompressBound((nuint)length));

    /// <summary>Compresses <paramref name="source"/> into one zstd frame; returns its length.</summary>
    public static int Compress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var dictionary = Prepared.Value.Compression;
        var context = Rent(CompressionContexts, NativeZstd.CreateCompressionContext);
        try
        {
            var written = NativeZstd.Compress(
                context, ref MemoryMarshal.GetReference(destination), (nuint)destination.Length,
                ref MemoryMarshal.GetReference(source), (nuint)source.Length, dictionary);
            return NativeZstd.IsError(written) != 0
                ? throw new InvalidOperationException($"zstd could not compress a text: {NativeZstd.ErrorName(written)}")
                : (int)written;
        }
        finally
        {
            Return(CompressionContexts, context, c => NativeZstd.FreeCompressionContext(c));
        }
    }

    /// <summary>Decompresses one zstd frame into <paramref name="destination"/>; returns the decompressed length.</summary>
    public static int Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var dictionary = Prepared.Value.Decompression;
        var context = Rent(DecompressionContexts, NativeZstd.CreateDecompressionContext);
        try
        {
            var written = NativeZstd.Decompress(
                context, ref MemoryMarshal.GetReference(destination), (nuint)destination.Length,
                ref MemoryMarshal.GetReference(source), (nuint)source.Length, dictionary);
            return NativeZstd.IsError(written) != 0
                ? throw new InvalidDataException($"a stored text does not decompress: {NativeZstd.ErrorName(written)}")
                : (int)written;
        }
        finally
        {
            Return(DecompressionContexts, context, c => NativeZstd.FreeDecompressionContext(c));
        }
    }

    private static (IntPtr, IntPtr) Prepare()
    {
        // zstd copies the dictionary into each prepared form, so the managed bytes need not outlive this call.
        var bytes = Bytes();
        var compression = NativeZstd.CreateCompressionDictionary(ref bytes[0], (nuint)bytes.Length, Level);
        var decompression = NativeZstd.CreateDecompressionDictionary(ref bytes[0], (nuint)bytes.Length);
        return compression == IntPtr.Zero || decompression == IntPtr.Zero
            ? throw new InvalidOperationException("zstd could not prepare the text dictionary")
            : (compression, decompression);
    }

    private static IntPtr Rent(ConcurrentQueue<IntPtr> pool, Func<IntPtr> create)
    {
        if (pool.TryDequeue(out var context))
        {
            return context;
        }

        context = create();
        return context == IntPtr.Zero ? throw new InvalidOperationException("zstd could not allocate a context") : context;
    }

    private static void Return(ConcurrentQueue<IntPtr> pool, IntPtr context, Action<IntPtr> free)
    {
        if (pool.Count < PooledContexts)
        {
            pool.Enqueue(context);
        }
        else
        {
            free(context);
        }
    }
}
