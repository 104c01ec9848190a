using System.Security.Cryptography;

namespace ReportArchive.Testing;

/// <summary>
/// Every folder and file under a root, except one excluded folder (the data folder), with each file's length, last
/// write time and SHA-256; <see cref="Differences"/> names what was created, removed or changed between two snapshots.
/// </summary>
internal sealed class FileTreeSnapshot
{
    private readonly Dictionary<string, string> _entries;

    private FileTreeSnapshot(Dictionary<string, string> entries) => _entries = entries;

    public static FileTreeSnapshot Take(string root, params string[] excluded)
    {
        var skip = excluded.Select(e => System.IO.Path.GetFullPath(e).TrimEnd(System.IO.Path.DirectorySeparatorChar)).ToArray();
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        var folders = new Stack<string>([System.IO.Path.GetFullPath(root)]);
        while (folders.Count > 0)
        {
            var folder = folders.Pop();
            foreach (var directory in Directory.GetDirectories(folder))
            {
                if (!skip.Contains(directory, StringComparer.Ordinal))
                {
                    entries[directory + "/"] = "folder";
                    folders.Push(directory);
                }
            }

            foreach (var file in Directory.GetFiles(folder))
            {
                var info = new FileInfo(file);
                entries[file] = $"{info.Length} {info.LastWriteTimeUtc.Ticks} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)))}";
            }
        }

        return new FileTreeSnapshot(entries);
    }

    public IReadOnlyList<string> Differences(FileTreeSnapshot after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var differences = new List<string>();
        differences.AddRange(after._entries.Keys.Except(_entries.Keys).Select(p => "created " + p));
        differences.AddRange(_entries.Keys.Except(after._entries.Keys).Select(p => "removed " + p));
        differences.AddRange(_entries.Where(e => after._entries.TryGetValue(e.Key, out var now) && now != e.Value).Select(e => "changed " + e.Key));
        return differences;
    }
}
