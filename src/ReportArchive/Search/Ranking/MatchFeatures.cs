namespace ReportArchive.Search.Ranking;

/// <summary>What a report's text says about how well it matches, beyond BM25.</summary>
/// <param name="WholePhrase">It contains an unquoted multi-word term whole (郑州行政诉讼, not only 郑州 and 行政诉讼 apart).</param>
/// <param name="InOwnWords">A required term occurs outside the template's fixed wording.</param>
/// <param name="WholeWord">A required term occurs as a word of its own, not inside a longer word.</param>
public readonly record struct MatchFeatures(bool WholePhrase, bool InOwnWords, bool WholeWord)
{
    /// <summary>The rank tier: a higher tier always ranks first; BM25 orders within a tier.</summary>
    public int Tier => (WholePhrase ? 4 : 0) + (InOwnWords ? 2 : 0) + (WholeWord ? 1 : 0);
}
