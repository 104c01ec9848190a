using System.Runtime.InteropServices;

namespace ReportArchive.Ingestion;

/// <summary>
/// Tells a named pipe, socket or device from a regular file without opening it (opening a FIFO for reading waits
/// for a writer forever; a device never ends). .NET has no file-type call, so on Linux this asks <c>statx(2)</c>,
/// whose buffer layout is the same on every architecture; elsewhere it says nothing.
/// </summary>
internal static class SpecialFileDetector
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28; // struct statx: stx_mask, stx_blksize, stx_attributes, stx_nlink, stx_uid, stx_gid, then stx_mode

    /// <summary>What the path (its final target, for a link) is when it is neither a regular file nor a folder.</summary>
    public static string? NonRegularKind(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var buffer = new byte[256];
        try
        {
            if (Statx(AtFdCwd, [.. System.Text.Encoding.UTF8.GetBytes(path), 0], 0, StatxType, buffer) != 0)
            {
                return null; // missing or unreadable: reading the file reports it
            }
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return null; // a C library without statx
        }

        return (BitConverter.ToUInt16(buffer, ModeOffset) & 0xF000) switch
        {
            0x1000 => "a named pipe (FIFO)",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0xC000 => "a socket",
            _ => null,
        };
    }

    [DllImport("libc", EntryPoint = "statx", ExactSpelling = true)]
    private static extern int Statx(int directory, byte[] path, int flags, uint mask, [Out] byte[] buffer);
}
