using System.Text.RegularExpressions;

namespace ReportArchive.Figures;

/// <summary>Finds tables A, B and C by their headers and first labels, never inside prose lines.</summary>
internal static partial class TableRegionLocator
{
    private const int MaxProactiveLength = 4000;
    private const int MaxRequestLength = 12000;
    private const int MaxReviewLength = 4000;

    public static TableRegions Locate(TableText text)
    {
        var length = text.Text.Length;
        var partTwo = Find(text, PartTwoHeading(), 0, length, atLineStart: true);
        var proactiveStart = Find(text, ProactiveHeader(), partTwo >= 0 ? partTwo : 0, length);
        if (proactiveStart < 0 && partTwo >= 0)
        {
            proactiveStart = Find(text, ProactiveHeader(), 0, length);
        }

        var requestStart = Find(text, RequestHeader(), Math.Max(proactiveStart, 0), length);
        var reviewFrom = requestStart >= 0 ? requestStart : Math.Max(proactiveStart, 0);
        var reviewStart = Find(text, ReviewHeader(), reviewFrom, length, atLineStart: true);

        var proactiveEnd = -1;
        if (proactiveStart >= 0)
        {
            proactiveEnd = requestStart >= 0 ? requestStart
                : reviewStart >= 0 ? reviewStart
                : EndAtNextPart(text, proactiveStart, MaxProactiveLength);
        }

        var requestEnd = -1;
        if (requestStart >= 0)
        {
            requestEnd = reviewStart >= 0 ? reviewStart : EndAtNextPart(text, requestStart, MaxRequestLength);
        }

        var reviewEnd = reviewStart >= 0 ? EndAtNextPart(text, reviewStart + 1, MaxReviewLength) : -1;
        if (reviewStart >= 0 && !HasReviewContent(text, reviewStart, reviewEnd))
        {
            reviewStart = reviewEnd = -1;
        }

        return new TableRegions(proactiveStart, proactiveEnd, requestStart, requestEnd, reviewStart, reviewEnd);
    }

    /// <summary>
    /// First match of <paramref name="regex"/> in [from, to) that is not on a prose line; with <paramref name="atLineStart"/>,
    /// only a match that begins a line (or a sentence of a page whose line breaks were lost, see <see cref="TableText"/>).
    /// </summary>
    public static int Find(TableText text, Regex regex, int from, int to, bool atLineStart = false)
    {
        if (from < 0 || from >= to)
        {
            return -1;
        }

        var match = regex.Match(text.Text, from, to - from);
        while (match.Success)
        {
            var start = match.Index + (match.Length - match.ValueSpan.TrimStart().Length);
            if (atLineStart && !text.StartsLine(match.Index))
            {
                match = match.NextMatch();
                continue;
            }

            if (!text.IsSkipped(text.LineOf(start)))
            {
                return start;
            }

            match = match.NextMatch();
        }

        return -1;
    }

    private static int EndAtNextPart(TableText text, int from, int maxLength)
    {
        var limit = Math.Min(text.Text.Length, from + maxLength);
        var heading = Find(text, NextPartHeading(), from, limit, atLineStart: true);
        var problems = Find(text, ProblemsHeading(), from, heading >= 0 ? heading : limit);
        return problems >= 0 ? problems : heading >= 0 ? heading : limit;
    }

    private static bool HasReviewContent(TableText text, int start, int end)
        => text.Tokens(start, end).Count > 0 || ReviewColumnWords().IsMatch(text.Text.AsSpan(start, end - start));

    [GeneratedRegex(@"[\s#*]*二\s*[、.．]\s*主\s*动\s*公\s*开")]
    private static partial Regex PartTwoHeading();

    [GeneratedRegex(@"信\s*息\s*内\s*容|第\s*二\s*十\s*条\s*第|本\s*年\s*制\s*发|本\s*年\s*新\s*制\s*作")]
    private static partial Regex ProactiveHeader();

    [GeneratedRegex(@"勾\s*稽|申\s*请\s*人\s*情\s*况|本\s*年\s*新\s*收")]
    private static partial Regex RequestHeader();

    [GeneratedRegex(@"[\s#*]*(?:[(（]?\s*四\s*[)）]?\s*[、.．]?\s*[^\n]{0,14}?行\s*政\s*法?\s*复\s*议|行\s*政\s*法?\s*复\s*议)")]
    private static partial Regex ReviewHeader();

    [GeneratedRegex(@"[\s#*]*[五六]\s*[、.．]")]
    private static partial Regex NextPartHeading();

    [GeneratedRegex(@"存\s*在\s*的\s*主\s*要\s*问\s*题")]
    private static partial Regex ProblemsHeading();

    [GeneratedRegex(@"维\s*持|纠\s*正|审\s*结|行\s*政\s*诉\s*讼")]
    private static partial Regex ReviewColumnWords();
}
