namespace ReportArchive.Analysis;

public enum TokenKind
{
    /// <summary>Two adjacent characters of a segment; every character but a segment's last starts one.</summary>
    Bigram,

    /// <summary>The last character of a segment (the whole segment when it is one character long).</summary>
    Unigram,

    /// <summary>
    /// One character that is not a segment character (punctuation, a symbol, an emoji); only from an enumerator asked
    /// for separators (the text index's tokens).
    /// </summary>
    Separator,
}
