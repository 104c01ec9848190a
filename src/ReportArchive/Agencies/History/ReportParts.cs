namespace ReportArchive.Agencies.History;

/// <summary>
/// Finds the template's six parts in a report's text: each numbered heading (四、 followed closely by a word of its
/// heading, such as 行政复议), in order, on a line of its own or run into the text; a part the text does not number is
/// left out, and each part runs to the next one found (the last one to the end of the text).
/// </summary>
public static class ReportParts
{
    /// <summary>How far after the number a word of the heading may start (政府信息公开行政复议: 6 characters in).</summary>
    private const int HeadingReach = 12;

    /// <summary>A heading printed on a line of its own is at most this long, without a sentence's end; else the content starts after its words.</summary>
    private const int HeadingLineLength = 40;

    /// <summary>The template's parts: number, heading, and the words one of which the printed heading contains.</summary>
    public static IReadOnlyList<(string Number, string Heading, string[] Words)> Template { get; } =
    [
        ("一", "总体情况", ["总体情况", "概述", "基本情况"]),
        ("二", "主动公开政府信息情况", ["主动公开"]),
        ("三", "收到和处理政府信息公开申请情况", ["收到和处理", "依申请公开", "政府信息公开申请"]),
        ("四", "政府信息公开行政复议、行政诉讼情况", ["行政复议", "行政诉讼"]),
        ("五", "存在的主要问题及改进情况", ["存在的主要问题", "主要问题", "存在问题", "改进情况"]),
        ("六", "其他需要报告的事项", ["其他需要报告", "其他事项"]),
    ];

    public static IReadOnlyList<ReportPart> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<(int Index, int HeadingStart, int ContentStart)>();
        var from = 0;
        for (var p = 0; p < Template.Count; p++)
        {
            var (number, _, words) = Template[p];
            if (Heading(text, number, words, from) is { } heading)
            {
                found.Add((p, heading.Start, heading.ContentStart));
                from = heading.ContentStart;
            }
        }

        var parts = new List<ReportPart>(found.Count);
        for (var i = 0; i < found.Count; i++)
        {
            var end = i + 1 < found.Count ? found[i + 1].HeadingStart : text.Length;
            var (number, heading, _) = Template[found[i].Index];
            parts.Add(new ReportPart(number, heading, Math.Min(found[i].ContentStart, end), end));
        }

        return parts;
    }

    private static (int Start, int ContentStart)? Heading(string text, string number, string[] words, int from)
    {
        var marker = number + "、";
        for (var at = text.IndexOf(marker, from, StringComparison.Ordinal); at >= 0; at = text.IndexOf(marker, at + 1, StringComparison.Ordinal))
        {
            var reach = text.AsSpan(at + marker.Length, Math.Min(HeadingReach + 10, text.Length - at - marker.Length));
            foreach (var word in words)
            {
                var w = reach.IndexOf(word, StringComparison.Ordinal);
                if (w >= 0 && w <= HeadingReach)
                {
                    var lineEnd = text.IndexOf('\n', at);
                    lineEnd = lineEnd < 0 ? text.Length : lineEnd;
                    var content = lineEnd - at <= HeadingLineLength && text.AsSpan(at, lineEnd - at).IndexOfAny('。', '；') < 0
                        ? lineEnd
                        : HeadingPhraseEnd(text, at + marker.Length + w + word.Length);
                    return (at, content);
                }
            }
        }

        return null;
    }

    /// <summary>Where a heading run into the text ends: after 情况 or 事项 when it follows closely, else after its word.</summary>
    private static int HeadingPhraseEnd(string text, int afterWord)
    {
        var window = text.AsSpan(afterWord, Math.Min(16, text.Length - afterWord));
        foreach (var ending in (string[])["情况", "事项", "措施"])
        {
            var e = window.IndexOf(ending, StringComparison.Ordinal);
            if (e >= 0)
            {
                return afterWord + e + ending.Length;
            }
        }

        return afterWord;
    }
}
