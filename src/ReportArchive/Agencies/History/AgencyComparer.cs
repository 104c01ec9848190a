using ReportArchive.Figures;
using ReportArchive.Storage;

namespace ReportArchive.Agencies.History;

/// <summary>
/// Builds an <see cref="AgencyComparison"/> from an agency's series and the reports' stored texts. A sentence is
/// copied when its words (normalised) are those of a sentence anywhere in the report before, similar when they are
/// the same but for numbers or share at least <see cref="SimilarShare"/> of their character pairs (Dice), else new.
/// </summary>
public sealed class AgencyComparer(ReportStore store)
{
    public const string Copied = "copied";
    public const string Similar = "similar";
    public const string New = "new";
    public const string First = "first";

    public const double SimilarShare = 0.8;

    public AgencyComparison? Compare(string agency, string? regionCode)
    {
        ArgumentNullException.ThrowIfNull(agency);
        if (new AgencyHistory(store).Series(agency, regionCode) is not { } series)
        {
            return null;
        }

        var texts = store.GetTexts(series.Reports.Select(r => r.Id).ToList());
        var parts = series.Reports.ToDictionary(r => r.Id, r => PartSentences(texts.GetValueOrDefault(r.Id) ?? ""));
        var years = new List<ComparedYear>(series.Reports.Count);
        foreach (var report in series.Reports)
        {
            var before = Earlier(series.Reports, report);
            var changes = report.Figures.ToDictionary(
                f => f.Key,
                f => f.Value is { } value && before?.Figures.GetValueOrDefault(f.Key) is { } old ? value - old : (decimal?)null,
                StringComparer.Ordinal);
            years.Add(new ComparedYear(
                report.Id, report.Year, report.FileName, before is null ? null : new AgencyYear(before.Id, before.Year),
                report.Figures, changes, CompareParts(parts[report.Id], before is null ? null : parts[before.Id])));
        }

        var labels = AgencyHistory.KeyFigures
            .Select(k => new FigureLabel(k, FigureKeys.ChineseLabel(k) ?? k))
            .ToList();
        return new AgencyComparison(series.Agency, series.RegionCode, labels, years, series.CrossYearChecks);
    }

    /// <summary>The latest report of an earlier year than <paramref name="report"/>'s (reports are ordered by year).</summary>
    private static AgencyYearReport? Earlier(IReadOnlyList<AgencyYearReport> reports, AgencyYearReport report) =>
        reports.LastOrDefault(r => r.Year < report.Year);

    /// <summary>The sentences of each of the six parts (null: the text does not number the part).</summary>
    private static List<string>?[] PartSentences(string text)
    {
        var sentences = new List<string>?[ReportParts.Template.Count];
        foreach (var part in ReportParts.Find(text))
        {
            var index = ReportParts.Template.ToList().FindIndex(t => t.Number == part.Number);
            sentences[index] = [.. NarrativeSentences.Split(text[part.Start..part.End])];
        }

        return sentences;
    }

    private static List<ComparedPart> CompareParts(List<string>?[] parts, List<string>?[]? before)
    {
        var previousAll = before?.Where(p => p is not null).SelectMany(p => p!).Select(Prepared.Of).ToList();
        var result = new List<ComparedPart>(parts.Length);
        for (var p = 0; p < parts.Length; p++)
        {
            var (number, heading, _) = ReportParts.Template[p];
            var sentences = parts[p];
            if (sentences is null)
            {
                result.Add(new ComparedPart(number, heading, false, [], 0, 0, 0, 0));
                continue;
            }

            var compared = sentences.Select(s => new ComparedSentence(s, previousAll is null ? First : Status(Prepared.Of(s), previousAll))).ToList();
            var dropped = 0;
            if (before?[p] is { } previousPart)
            {
                var these = sentences.Select(Prepared.Of).ToList();
                dropped = previousPart.Count(s => Status(Prepared.Of(s), these) == New);
            }

            result.Add(new ComparedPart(
                number, heading, true, compared,
                compared.Count(s => s.Status == Copied), compared.Count(s => s.Status == Similar), compared.Count(s => s.Status == New), dropped));
        }

        return result;
    }

    private static string Status(Prepared sentence, List<Prepared> candidates)
    {
        var similar = false;
        foreach (var candidate in candidates)
        {
            if (string.Equals(candidate.Words, sentence.Words, StringComparison.Ordinal))
            {
                return Copied;
            }

            similar = similar || string.Equals(candidate.Shape, sentence.Shape, StringComparison.Ordinal) || Dice(sentence.Pairs, candidate.Pairs) >= SimilarShare;
        }

        return similar ? Similar : New;
    }

    private static double Dice(HashSet<int> a, HashSet<int> b)
    {
        if (a.Count == 0 || b.Count == 0 || Math.Min(a.Count, b.Count) < SimilarShare * Math.Max(a.Count, b.Count))
        {
            return 0;
        }

        var shared = a.Count <= b.Count ? a.Count(b.Contains) : b.Count(a.Contains);
        return 2.0 * shared / (a.Count + b.Count);
    }

    /// <summary>A sentence ready to compare: its normalised words, its shape (numbers as 0) and its character pairs.</summary>
    private sealed record Prepared(string Words, string Shape, HashSet<int> Pairs)
    {
        public static Prepared Of(string sentence)
        {
            var words = Analysis.Normalization.TextNormalizer.NormalizeToString(sentence).Replace(" ", "", StringComparison.Ordinal);
            var pairs = new HashSet<int>();
            for (var i = 0; i + 1 < words.Length; i++)
            {
                pairs.Add((words[i] << 16) | words[i + 1]);
            }

            return new Prepared(words, NarrativeSentences.Shape(sentence), pairs);
        }
    }
}
