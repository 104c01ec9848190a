using System.Text;

namespace ReportArchive.Search;

/// <summary>
/// Folds a parameter to NFKC before it is parsed as a number or an operator: what a Chinese input method types
/// (full-width digits <c>２０２１</c>, operators <c>＞＝</c>, the full-width dot and space) becomes its ASCII form. Text
/// that is not well-formed Unicode (a lone surrogate) is left as it is, for the parser to refuse.
/// </summary>
public static class WidthFolding
{
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }
}
