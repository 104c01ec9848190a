using System.Runtime.InteropServices;

namespace ReportArchive.Storage.Compact;

/// <summary>
/// The few functions of the zstd library (Debian's <c>libzstd1</c>, which dpkg itself depends on, so every Debian
/// machine has it) that compress and decompress with a prepared dictionary. No NuGet package of zstd restores here;
/// .NET's own Brotli cannot take a custom dictionary.
/// </summary>
internal static class NativeZstd
{
    private const string Library = "libzstd.so.1";

    [DllImport(Library, EntryPoint = "ZSTD_createCDict")]
    public static extern IntPtr CreateCompressionDictionary(ref byte dictionary, nuint size, int level);

    [DllImport(Library, EntryPoint = "ZSTD_createDDict")]
    public static extern IntPtr CreateDecompressionDictionary(ref byte dictionary, nuint size);

    [DllImport(Library, EntryPoint = "ZSTD_createCCtx")]
    public static extern IntPtr CreateCompressionContext();

    [DllImport(Library, EntryPoint = "ZSTD_freeCCtx")]
    public static extern nuint FreeCompressionContext(IntPtr context);

    [DllImport(Library, EntryPoint = "ZSTD_createDCtx")]
    public static extern IntPtr CreateDecompressionContext();

    [DllImport(Library, EntryPoint = "ZSTD_freeDCtx")]
    public static extern nuint FreeDecompressionContext(IntPtr context);

    [DllImport(Library, EntryPoint = "ZSTD_compress_usingCDict")]
    public static extern nuint Compress(IntPtr context, ref byte destination, nuint capacity, ref byte source, nuint size, IntPtr dictionary);

    [DllImport(Library, EntryPoint = "ZSTD_decompress_usingDDict")]
    public static extern nuint Decompress(IntPtr context, ref byte destination, nuint capacity, ref byte source, nuint size, IntPtr dictionary);

    [DllImport(Library, EntryPoint = "ZSTD_compressBound")]
    public static extern nuint CompressBound(nuint size);

    [DllImport(Library, EntryPoint = "ZSTD_isError")]
    public static extern uint IsError(nuint code);

    [DllImport(Library, EntryPoint = "ZSTD_getErrorName")]
    private static extern IntPtr ErrorNamePointer(nuint code);

    public static string ErrorName(nuint code) => Marshal.PtrToStringAnsi(ErrorNamePointer(code)) ?? $"zstd error {code}";
}
