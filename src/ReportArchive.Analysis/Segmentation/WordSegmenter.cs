using System.Buffers;

namespace ReportArchive.Analysis.Segmentation;

/// <summary>
/// Dictionary word segmentation of Chinese text (中文分词), after jieba:
/// <list type="bullet">
/// <item>Each run of Han characters is segmented along the most probable path through the graph of every
/// dictionary word in it (<see cref="MaxProbabilityPath"/>).</item>
/// <item>Consecutive characters that the path leaves as single characters are regrouped by jieba's
/// character HMM (<see cref="HanHiddenMarkovModel"/>), which finds unknown words such as names and
/// garbled place names, as jieba does in its default mode. A run that is itself a dictionary word stays
/// split into characters (the path preferred that).</item>
/// <item>A number (ASCII digits, optionally with a decimal part) is one segment; a following % or a unit
/// or measure word from <see cref="NumberUnits"/> that the dictionary path puts right after it joins it:
/// 2021年, 1507条, 85%, 12.5万元, 90余条. A following word that is not a unit stays apart: 2021 | 年度.</item>
/// <item>A run of letters and digits that is neither Han nor a plain number (www, covid19) is one segment.</item>
/// <item>Whitespace, punctuation and symbols are not segments. Supplementary-plane characters that are not
/// Han (emoji) are skipped whole; a surrogate pair is never split.</item>
/// </list>
/// The input is expected already normalised by the analyzer (NFKC, lower case); it is segmented as given,
/// and offsets are UTF-16 indices into it. Dictionary words, including those mixing Han and Latin letters
/// (b超), are only matched inside Han runs. Instances are immutable and safe to share between threads.
/// </summary>
public sealed class WordSegmenter
{
    private const int StackLimit = 256;

    private static readonly Lazy<HanHiddenMarkovModel> SharedModel = new(HanHiddenMarkovModel.Load);
    private static readonly Lazy<WordSegmenter> DefaultSegmenter = new(() => Create([]));
    private static readonly string?[] SingleCharacterTexts = new string?[char.MaxValue + 1];

    private readonly WordTrie trie;
    private readonly double unknownLogProbability;
    private readonly HanHiddenMarkovModel model;

    private WordSegmenter(SegmentationDictionary dictionary, HanHiddenMarkovModel model)
    {
        trie = dictionary.Trie;
        unknownLogProbability = dictionary.UnknownLogProbability;
        this.model = model;
    }

    /// <summary>The segmenter with the general dictionary and the domain lexicon, loaded on first use.</summary>
    public static WordSegmenter Default => DefaultSegmenter.Value;

    /// <summary>
    /// A segmenter that also knows the words of the given user dictionaries (jieba format: one
    /// <c>word [frequency] [tag]</c> per line, # starts a comment line; see <see cref="SegmentationDictionary"/>).
    /// Later files override earlier ones and the built-in dictionaries.
    /// </summary>
    public static WordSegmenter Create(IEnumerable<string> userDictionaryPaths) =>
        new(SegmentationDictionary.Load(userDictionaryPaths), SharedModel.Value);

    internal int DictionaryWordCount => trie.WordCount;

    internal int DictionaryNodeCount => trie.NodeCount;

    internal long DictionaryArrayBytes => trie.ArrayBytes;

    /// <summary>Segments <paramref name="text"/> into words, in order, without overlaps.</summary>
    public IReadOnlyList<Segment> Segment(string text)
    {
        var output = new List<Segment>();
        Segment(text, output);
        return output;
    }

    /// <summary>Appends the words of <paramref name="text"/> to <paramref name="output"/> (lets a caller reuse one list).</summary>
    public void Segment(string text, List<Segment> output)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(output);
        var span = text.AsSpan();
        var position = 0;
        var numberIndex = -1;
        var numberEnd = -1;
        while (position < span.Length)
        {
            if (HanCharacters.IsHanAt(span, position))
            {
                var end = HanCharacters.RunEnd(span, position);
                SegmentHanRun(text, position, end, numberEnd == position ? numberIndex : -1, output);
                position = end;
                continue;
            }
            var c = span[position];
            if (char.IsLetterOrDigit(c))
            {
                var end = position;
                var allDigits = true;
                while (end < span.Length && char.IsLetterOrDigit(span[end]) && !HanCharacters.IsHan(span[end]))
                {
                    allDigits &= char.IsAsciiDigit(span[end]);
                    end++;
                }
                if (allDigits)
                {
                    while (end + 1 < span.Length && span[end] == '.' && char.IsAsciiDigit(span[end + 1]))
                    {
                        end += 2;
                        while (end < span.Length && char.IsAsciiDigit(span[end]))
                            end++;
                    }
                    var percent = end < span.Length && span[end] == '%';
                    if (percent)
                        end++;
                    output.Add(new Segment(text[position..end], position, end - position, false));
                    numberIndex = percent ? -1 : output.Count - 1;
                    numberEnd = percent ? -1 : end;
                }
                else
                {
                    var word = trie.Find(span[position..end]);
                    var wordText = word >= 0 ? trie.WordText(word, span[position..end]) : text[position..end];
                    output.Add(new Segment(wordText, position, end - position, word >= 0));
                }
                position = end;
                continue;
            }
            position += HanCharacters.UnitLength(span, position);
        }
    }

    /// <summary>
    /// Search mode: the words of <see cref="Segment(string)"/>, each followed by its parts, so that an index
    /// of these terms still matches a phrase query exactly: a Han word longer than two characters is followed
    /// by each of its overlapping bigrams (行政诉讼 → 行政诉讼, 行政, 政诉, 诉讼), the bigrams a CJK bigram
    /// index would hold for it; a number with a unit is followed by the number alone (2021年 → 2021年, 2021).
    /// The parts have their own offsets; <see cref="Segment.InDictionary"/> says whether a part is a word.
    /// </summary>
    public IReadOnlyList<Segment> SegmentForSearch(string text)
    {
        var words = new List<Segment>();
        Segment(text, words);
        var output = new List<Segment>(words.Count * 2);
        foreach (var word in words)
        {
            output.Add(word);
            var span = text.AsSpan(word.Start, word.Length);
            if (char.IsAsciiDigit(span[0]))
            {
                var numberLength = span.IndexOfAnyExceptInRange('0', '9');
                while (numberLength > 0 && numberLength + 1 < span.Length && span[numberLength] == '.' && char.IsAsciiDigit(span[numberLength + 1]))
                {
                    var rest = span[(numberLength + 1)..].IndexOfAnyExceptInRange('0', '9');
                    numberLength = rest < 0 ? span.Length : numberLength + 1 + rest;
                }
                if (numberLength > 0 && numberLength < span.Length && HanCharacters.IsHanAt(span, numberLength))
                    output.Add(new Segment(text.Substring(word.Start, numberLength), word.Start, numberLength, false));
                continue;
            }
            if (!HanCharacters.AreAllHan(span))
                continue;
            var first = 0;
            var second = HanCharacters.UnitLength(span, 0);
            if (second >= span.Length || second + HanCharacters.UnitLength(span, second) >= span.Length)
                continue;
            while (second < span.Length)
            {
                var end = second + HanCharacters.UnitLength(span, second);
                output.Add(MakeSegment(text, word.Start + first, end - first));
                first = second;
                second = end;
            }
        }
        return output;
    }

    /// <summary>True when <paramref name="word"/> is a word of this segmenter's dictionaries.</summary>
    public bool IsWord(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var index = trie.Find(word);
        return index >= 0 && !float.IsNegativeInfinity(trie.LogProbability(index));
    }

    private void SegmentHanRun(string text, int runStart, int runEnd, int numberIndex, List<Segment> output)
    {
        var run = text.AsSpan(runStart, runEnd - runStart);
        var size = run.Length + 1;
        double[]? rentedRoute = null;
        int[]? rentedEnds = null;
        int[]? rentedWords = null;
        var route = size <= StackLimit ? stackalloc double[size] : (rentedRoute = ArrayPool<double>.Shared.Rent(size));
        var ends = size <= StackLimit ? stackalloc int[size] : (rentedEnds = ArrayPool<int>.Shared.Rent(size));
        var words = size <= StackLimit ? stackalloc int[size] : (rentedWords = ArrayPool<int>.Shared.Rent(size));
        try
        {
            MaxProbabilityPath.Solve(trie, unknownLogProbability, run, route, ends, words);
            var position = 0;
            if (numberIndex >= 0)
                position = AttachUnit(text, runStart, run, ends, numberIndex, output);
            var bufferStart = -1;
            while (position < run.Length)
            {
                var end = ends[position];
                if (end - position == HanCharacters.UnitLength(run, position))
                {
                    if (bufferStart < 0)
                        bufferStart = position;
                }
                else
                {
                    if (bufferStart >= 0)
                    {
                        EmitSingleCharacterRun(text, runStart, bufferStart, position, output);
                        bufferStart = -1;
                    }
                    output.Add(new Segment(trie.WordText(words[position], run[position..end]), runStart + position, end - position, true));
                }
                position = end;
            }
            if (bufferStart >= 0)
                EmitSingleCharacterRun(text, runStart, bufferStart, run.Length, output);
        }
        finally
        {
            if (rentedRoute is not null)
                ArrayPool<double>.Shared.Return(rentedRoute);
            if (rentedEnds is not null)
                ArrayPool<int>.Shared.Return(rentedEnds);
            if (rentedWords is not null)
                ArrayPool<int>.Shared.Return(rentedWords);
        }
    }

    /// <summary>
    /// Joins the unit that the path puts first in the run (年, 万元, or 余/多 then a unit) to the number
    /// segment before it; returns where the rest of the run starts.
    /// </summary>
    private static int AttachUnit(string text, int runStart, ReadOnlySpan<char> run, ReadOnlySpan<int> ends, int numberIndex, List<Segment> output)
    {
        var unitEnd = ends[0];
        if (NumberUnits.IsQualifier(run[..unitEnd]) && unitEnd < run.Length && NumberUnits.IsUnit(run[unitEnd..ends[unitEnd]]))
            unitEnd = ends[unitEnd];
        else if (!NumberUnits.IsUnit(run[..unitEnd]))
            return 0;
        var number = output[numberIndex];
        var length = runStart + unitEnd - number.Start;
        output[numberIndex] = new Segment(text.Substring(number.Start, length), number.Start, length, false);
        return unitEnd;
    }

    /// <summary>
    /// Emits characters the path left single: one character as is; a run that is a dictionary word as its
    /// characters (the path chose to split it); any other run as the words the HMM finds in it.
    /// </summary>
    private void EmitSingleCharacterRun(string text, int runStart, int from, int to, List<Segment> output)
    {
        var span = text.AsSpan(runStart + from, to - from);
        var firstLength = HanCharacters.UnitLength(span, 0);
        if (firstLength == span.Length || trie.Find(span) >= 0)
        {
            for (var offset = 0; offset < span.Length;)
            {
                var length = HanCharacters.UnitLength(span, offset);
                output.Add(MakeSegment(text, runStart + from + offset, length));
                offset += length;
            }
            return;
        }

        Span<int> unitStarts = span.Length <= StackLimit ? stackalloc int[span.Length] : new int[span.Length];
        var count = 0;
        for (var offset = 0; offset < span.Length; offset += HanCharacters.UnitLength(span, offset))
            unitStarts[count++] = offset;
        unitStarts = unitStarts[..count];
        Span<int> wordEnds = count <= StackLimit ? stackalloc int[count] : new int[count];
        var wordCount = model.Cut(span, unitStarts, wordEnds);
        var wordStart = 0;
        for (var w = 0; w < wordCount; w++)
        {
            var startOffset = unitStarts[wordStart];
            var endOffset = wordEnds[w] < count ? unitStarts[wordEnds[w]] : span.Length;
            output.Add(MakeSegment(text, runStart + from + startOffset, endOffset - startOffset));
            wordStart = wordEnds[w];
        }
    }

    /// <summary>A segment for text[start..start+length], sharing the dictionary's or a cached string where possible.</summary>
    private Segment MakeSegment(string text, int start, int length)
    {
        var span = text.AsSpan(start, length);
        var word = trie.Find(span);
        if (word >= 0 && !float.IsNegativeInfinity(trie.LogProbability(word)))
            return new Segment(trie.WordText(word, span), start, length, true);
        var wordText = length == 1 ? (SingleCharacterTexts[span[0]] ??= span.ToString()) : span.ToString();
        return new Segment(wordText, start, length, false);
    }
}
