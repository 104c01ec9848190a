using System.Text;
using System.Text.RegularExpressions;

namespace ReportArchive.Analysis.Tests.Segmentation;

/// <summary>The sample reports of the repository's seeds/ folder, normalised roughly as the analyzer will.</summary>
internal static partial class SeedTexts
{
    public static IEnumerable<string> Raw()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "seeds")))
            directory = directory.Parent;
        if (directory is null)
            throw new DirectoryNotFoundException("No seeds/ folder above the test's output folder.");
        return Directory.GetFiles(Path.Combine(directory.FullName, "seeds"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText);
    }

    /// <summary>NFKC, lower case, whitespace next to a Han character removed.</summary>
    public static IEnumerable<string> Normalised() =>
        Raw().Select(t => WhitespaceNextToHan().Replace(t.Normalize(NormalizationForm.FormKC).ToLowerInvariant(), ""));

    [GeneratedRegex(@"[ \t\u3000]+(?=[\u4E00-\u9FFF])|(?<=[\u4E00-\u9FFF])[ \t\u3000]+")]
    private static partial Regex WhitespaceNextToHan();
}
