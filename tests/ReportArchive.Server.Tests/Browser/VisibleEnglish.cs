using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ReportArchive.Server.Tests.Browser;

/// <summary>
/// The English words a reader sees on a page: in its visible text (folded &lt;details&gt; opened, since a reader
/// can open them), in the title, placeholder, aria-label and alt attributes of rendered elements, and in the
/// document's title. Not counted: text inside &lt;code&gt;, &lt;kbd&gt; and &lt;samp&gt; (figure keys, rule ids,
/// commands are codes shown as codes), data attributes, numbers, addresses (http…, /path?query), hex digests such as
/// a SHA-256, file names (report.txt), and the few names of <see cref="AllowedWords"/>.
/// </summary>
internal static partial class VisibleEnglish
{
    /// <summary>
    /// Names without a Chinese form a reader would recognise: SHA-256 (the digest), GB/T 2260 (the standard the region
    /// codes come from), file formats (CSV, XLSX, JSON, PDF, DOCX, HTML, TXT) and text encodings (UTF-8, GB18030, Big5).
    /// No unit word is allowed: the pages write 件, 份, 万元, 秒.
    /// </summary>
    public static IReadOnlySet<string> AllowedWords { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "SHA", "GB", "CSV", "XLSX", "JSON", "PDF", "DOCX", "HTML", "TXT", "UTF", "GB18030", "Big5",
    };

    /// <summary>One English word and where it was seen (element and attribute) with the text around it.</summary>
    public sealed record Finding(string Word, string Where, string Text)
    {
        public override string ToString() => $"“{Word}” in {Where}: {Text}";
    }

    /// <summary>Every English word the reader sees on <paramref name="page"/> as it is now.</summary>
    public static async Task<IReadOnlyList<Finding>> FindAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var texts = await page.EvaluateAsync<SeenText[]>(CollectScript);
        var findings = new List<Finding>();
        foreach (var seen in texts)
        {
            var text = Strip(seen.Text);
            foreach (Match word in Word().Matches(text))
            {
                if (!AllowedWords.Contains(word.Value))
                {
                    findings.Add(new Finding(word.Value, seen.Where, seen.Text.Length > 120 ? seen.Text[..120] + "…" : seen.Text));
                }
            }
        }

        return findings;
    }

    /// <summary>The findings as one line each (at most <paramref name="max"/>), for an assertion message.</summary>
    public static string Describe(IReadOnlyList<Finding> findings, int max = 30) =>
        $"{findings.Count} English words a reader sees ({string.Join(", ", findings.Select(f => f.Word).Distinct().Take(40))}):\n"
        + string.Join("\n", findings.DistinctBy(f => (f.Word, f.Where)).Take(max));

    private static string Strip(string text)
    {
        text = Address().Replace(text, " ");
        text = Path().Replace(text, " ");
        text = Digest().Replace(text, " ");
        text = FileName().Replace(text, " ");
        return Standard().Replace(text, " ");
    }

    /// <summary>A text the page shows (Playwright fills it from the script's objects).</summary>
    public sealed class SeenText
    {
        public string Where { get; set; } = "";

        public string Text { get; set; } = "";
    }

    private const string CollectScript = """
        () => {
          for (const details of document.querySelectorAll('details')) details.open = true;
          const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
            + (e.dataset?.testid ? `[data-testid=${e.dataset.testid}]` : '')
            + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '');
          const rendered = e => {
            for (let a = e; a; a = a.parentElement) {
              const style = getComputedStyle(a);
              if (style.display === 'none' || style.visibility === 'hidden') return false;
            }
            return e.getClientRects().length > 0;
          };
          const isCode = e => !!e.closest('code, kbd, samp, script, style, noscript, template');
          const seen = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node; (node = walker.nextNode());) {
            const parent = node.parentElement;
            const text = node.textContent.trim();
            if (!text || !parent || isCode(parent) || !rendered(parent)) continue;
            seen.push({ where: describe(parent), text });
          }
          for (const e of document.body.querySelectorAll('[title], [placeholder], [aria-label], [alt], input[type=submit][value], input[type=button][value]')) {
            if (isCode(e) || !rendered(e)) continue;
            for (const name of ['title', 'placeholder', 'aria-label', 'alt']) {
              const value = e.getAttribute(name);
              if (value) seen.push({ where: `${describe(e)}@${name}`, text: value });
            }
            if (e.tagName === 'INPUT' && /^(submit|button)$/.test(e.type)) seen.push({ where: `${describe(e)}@value`, text: e.value });
          }
          seen.push({ where: 'document.title', text: document.title });
          return seen;
        }
        """;

    [GeneratedRegex(@"https?://[^\s，。；、）)”]+")]
    private static partial Regex Address();

    [GeneratedRegex(@"(?<![A-Za-z0-9])/[A-Za-z0-9._~%/?#=&+\-…]*")]
    private static partial Regex Path();

    [GeneratedRegex(@"\b[0-9a-fA-F]{32,}\b")]
    private static partial Regex Digest();

    [GeneratedRegex(@"[\w.\-]+\.(?:txt|md|html?|docx|pdf|csv|json|xlsx)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FileName();

    [GeneratedRegex(@"GB/T")]
    private static partial Regex Standard();

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9]*")]
    private static partial Regex Word();
}
