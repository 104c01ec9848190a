using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using ReportArchive.Analysis;
using ReportArchive.Analysis.Normalization;
using ReportArchive.Analysis.Tokenizers;

namespace ReportArchive.Benchmarks.Lucene;

/// <summary>
/// Our text index's tokens as a Lucene tokenizer: the input normalised by <see cref="TextNormalizer"/>, then every
/// token <see cref="SegmentBigramEnumerator"/> yields with separators (overlapping bigrams of each run of segment
/// characters, a unigram of its last character, every punctuation mark or symbol on its own; whitespace not indexed),
/// each at the position of its UTF-16 offset in the normalised text, so a term is a phrase with explicit positions.
/// </summary>
internal sealed class ExactBigramTokenizer : Tokenizer
{
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _position;
    private char[] _text = [];
    private int _next;
    private int _lastStart;

    public ExactBigramTokenizer(TextReader input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override void Reset()
    {
        base.Reset();
        _text = TextNormalizer.NormalizeToString(m_input.ReadToEnd()).ToCharArray();
        _next = 0;
        _lastStart = -1;
    }

    public override bool IncrementToken()
    {
        ClearAttributes();
        var tokens = new SegmentBigramEnumerator(_text.AsSpan(_next), separators: true);
        if (!tokens.MoveNext())
        {
            _next = _text.Length;
            return false;
        }

        var start = _next + tokens.Start;
        _term.CopyBuffer(_text, start, tokens.Length);
        _offset.SetOffset(CorrectOffset(start), CorrectOffset(start + tokens.Length));
        _position.PositionIncrement = start - _lastStart;
        _lastStart = start;
        // The enumerator moves on by one character after a bigram (they overlap), past the token otherwise.
        SegmentBigramEnumerator.RoleOf(_text.AsSpan(start), out var firstLength);
        _next = start + (tokens.Kind == TokenKind.Bigram ? firstLength : tokens.Length);
        return true;
    }

    public override void End()
    {
        base.End();
        var end = CorrectOffset(_text.Length);
        _offset.SetOffset(end, end);
    }
}
