namespace ReportArchive.TextIndex;

/// <summary>How the index answers one term.</summary>
internal enum TermPlanKind
{
    /// <summary>The term is empty or holds a lone surrogate: the index cannot narrow it down.</summary>
    Unusable,

    /// <summary>One character: every token starting with it (a key range), positions not needed.</summary>
    Prefix,

    /// <summary>Tokens at fixed offsets from a start position (one token: no positions needed).</summary>
    Phrase,
}
