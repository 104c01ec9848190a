using System.Collections.Concurrent;
using ZstdSharp;

namespace ReportArchive.Storage.Compact;

/// <summary>
/// zstd with the template-wording dictionary (<c>Data/text-dictionary-1.bin</c>, see its README): what every report
/// says in the template's words — headings, table labels, the regulation's name — is copied from the dictionary
/// instead of being spelt out once in each text. zstd is ZstdSharp, a managed port of the reference library: its
/// frames are the library's own (texts written through Debian's libzstd by earlier versions read the same), and
/// no native library is loaded. Each call borrows a compressor or decompressor with the dictionary loaded from a
/// small pool (a context holds its prepared dictionary, so it is prepared once per pooled context).
/// </summary>
internal static class TextDictionary
{
    /// <summary>zstd's level: chosen by measurement (docs/performance.md, "Compact report rows and texts").</summary>
    public const int Level = 3;

    internal const string ResourceName = "ReportArchive.Storage.Compact.Data.text-dictionary-1.bin";

    /// <summary>Contexts kept for reuse; more than this at once are disposed after use.</summary>
    private static readonly int PooledContexts = Environment.ProcessorCount * 2;

    private static readonly Lazy<byte[]> DictionaryBytes = new(Bytes);
    private static readonly ConcurrentQueue<Compressor> Compressors = new();
    private static readonly ConcurrentQueue<Decompressor> Decompressors = new();

    /// <summary>The dictionary's bytes as embedded in this assembly.</summary>
    public static byte[] Bytes()
    {
        using var stream = typeof(TextDictionary).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"missing resource {ResourceName}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static int MaxCompressedLength(int length) => Compressor.GetCompressBound(length);

    /// <summary>Compresses <paramref name="source"/> into one zstd frame; returns its length.</summary>
    public static int Compress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (!Compressors.TryDequeue(out var compressor))
        {
            compressor = new Compressor(Level);
            compressor.LoadDictionary(DictionaryBytes.Value);
        }

        try
        {
            return compressor.Wrap(source, destination);
        }
        catch (ZstdException exception)
        {
            throw new InvalidOperationException($"zstd could not compress a text: {exception.Message}", exception);
        }
        finally
        {
            Return(Compressors, compressor);
        }
    }

    /// <summary>Decompresses one zstd frame into <paramref name="destination"/>; returns the decompressed length.</summary>
    public static int Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (!Decompressors.TryDequeue(out var decompressor))
        {
            decompressor = new Decompressor();
            decompressor.LoadDictionary(DictionaryBytes.Value);
        }

        try
        {
            return decompressor.Unwrap(source, destination);
        }
        catch (ZstdException exception)
        {
            throw new InvalidDataException($"a stored text does not decompress: {exception.Message}", exception);
        }
        finally
        {
            Return(Decompressors, decompressor);
        }
    }

    private static void Return<T>(ConcurrentQueue<T> pool, T context)
        where T : IDisposable
    {
        if (pool.Count < PooledContexts)
        {
            pool.Enqueue(context);
        }
        else
        {
            context.Dispose();
        }
    }
}
