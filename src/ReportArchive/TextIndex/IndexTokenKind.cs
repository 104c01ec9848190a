namespace ReportArchive.TextIndex;

/// <summary>The three kinds of index token (<see cref="IndexTokenEnumerator"/>).</summary>
internal enum IndexTokenKind
{
    /// <summary>Two adjacent segment characters; every segment character but a segment's last starts one.</summary>
    Bigram,

    /// <summary>The last character of a segment (the whole segment when it is one character long).</summary>
    Unigram,

    /// <summary>One character that is not a segment character: punctuation, a symbol, a space.</summary>
    Separator,
}
