using ReportArchive.Analysis.Segmentation;

namespace ReportArchive.Search;

/// <summary>
/// User dictionaries of an archive: every <c>*.txt</c> file in <c>dictionaries/</c> under the data folder, in jieba
/// format (<c>word [frequency] [tag]</c> per line, <c># comments</c>), loaded at start, later files (by name) winning.
/// </summary>
public static class UserDictionaries
{
    public const string FolderName = "dictionaries";

    /// <summary>The segmenter with the folder's dictionaries, or the built-in one when there are none.</summary>
    public static WordSegmenter Load(string dataDirectory)
    {
        var folder = Path.Combine(dataDirectory, FolderName);
        var files = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal).ToList()
            : [];
        return files.Count == 0 ? WordSegmenter.Default : WordSegmenter.Create(files);
    }
}
