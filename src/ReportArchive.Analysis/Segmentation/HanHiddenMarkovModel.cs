using System.Globalization;
using ReportArchive.Analysis.Data;

namespace ReportArchive.Analysis.Segmentation;

/// <summary>
/// jieba's character hidden Markov model (finalseg): each Han character is tagged B (begins a word),
/// M (inside), E (ends) or S (a one-character word) by Viterbi decoding with the start, transition and
/// emission log probabilities trained by jieba. It groups runs of characters that the dictionary leaves
/// as single characters into new words (names, garbled place names, rare terms).
/// </summary>
internal sealed class HanHiddenMarkovModel
{
    private const int B = 0;
    private const int M = 1;
    private const int E = 2;
    private const int S = 3;
    private const int StateCount = 4;

    /// <summary>
    /// The emission log probability of a character in a state the training never saw it in. jieba uses
    /// -3.14e100, which swamps every other difference on the path; a large finite penalty keeps the rest
    /// of the path comparable. A character the model has never seen at all emits 0 in every state, so the
    /// transitions alone decide its tag.
    /// </summary>
    private const float UnseenInState = -100f;

    private const int StackLimit = 128;

    // Allowed previous states for each state, as in jieba: B←E,S; M←M,B; E←B,M; S←S,E.
    private static readonly int[][] PreviousStates = [[E, S], [M, B], [B, M], [S, E]];

    private readonly double[] start;
    private readonly double[] transitions;
    private readonly float[] emissions;

    private HanHiddenMarkovModel(double[] start, double[] transitions, float[] emissions)
    {
        this.start = start;
        this.transitions = transitions;
        this.emissions = emissions;
    }

    public static HanHiddenMarkovModel Load() => Parse(EmbeddedData.ReadGzipText("jieba-hmm.tsv.gz"));

    internal static HanHiddenMarkovModel Parse(string text)
    {
        var start = new double[StateCount];
        var transitions = new double[StateCount * StateCount];
        Array.Fill(transitions, double.NegativeInfinity);
        var emissions = new float[(char.MaxValue + 1) * StateCount];
        Array.Fill(emissions, float.NegativeInfinity);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split('\t');
            if (fields[0] == "start")
            {
                ReadRow(fields.AsSpan(1), start);
            }
            else if (fields[0] == "trans")
            {
                ReadRow(fields.AsSpan(2), transitions.AsSpan(StateIndex(fields[1]) * StateCount, StateCount));
            }
            else if (fields[0].Length == 1)
            {
                var row = new double[StateCount];
                ReadRow(fields.AsSpan(1), row);
                for (var s = 0; s < StateCount; s++)
                    emissions[(fields[0][0] * StateCount) + s] = (float)row[s];
            }
        }
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var row = emissions.AsSpan(c * StateCount, StateCount);
            var seen = !float.IsNegativeInfinity(row[0]) || !float.IsNegativeInfinity(row[1])
                || !float.IsNegativeInfinity(row[2]) || !float.IsNegativeInfinity(row[3]);
            for (var s = 0; s < StateCount; s++)
            {
                if (float.IsNegativeInfinity(row[s]))
                    row[s] = seen ? UnseenInState : 0f;
            }
        }
        return new HanHiddenMarkovModel(start, transitions, emissions);
    }

    /// <summary>
    /// Splits a run of Han characters into words. <paramref name="unitStarts"/> holds the offset in
    /// <paramref name="run"/> of each character (a surrogate pair is one character); the result holds the
    /// character index at which each word ends (exclusive), in order, in <paramref name="wordEnds"/>
    /// (one element per character suffices); returns the number of words.
    /// </summary>
    public int Cut(ReadOnlySpan<char> run, ReadOnlySpan<int> unitStarts, Span<int> wordEnds)
    {
        var length = unitStarts.Length;
        if (length == 0)
            return 0;
        var cells = length * StateCount;
        Span<double> scores = cells <= StackLimit * StateCount ? stackalloc double[cells] : new double[cells];
        Span<byte> back = cells <= StackLimit * StateCount ? stackalloc byte[cells] : new byte[cells];

        for (var s = 0; s < StateCount; s++)
            scores[s] = start[s] + Emission(run, unitStarts[0], s);
        for (var t = 1; t < length; t++)
        {
            for (var s = 0; s < StateCount; s++)
            {
                var emission = Emission(run, unitStarts[t], s);
                var best = double.NegativeInfinity;
                var bestPrevious = PreviousStates[s][0];
                foreach (var previous in PreviousStates[s])
                {
                    var score = scores[((t - 1) * StateCount) + previous] + transitions[(previous * StateCount) + s] + emission;
                    if (score > best)
                    {
                        best = score;
                        bestPrevious = previous;
                    }
                }
                scores[(t * StateCount) + s] = best;
                back[(t * StateCount) + s] = (byte)bestPrevious;
            }
        }

        // The last character must end a word.
        var last = (length - 1) * StateCount;
        var state = scores[last + E] >= scores[last + S] ? E : S;
        Span<byte> states = length <= StackLimit ? stackalloc byte[length] : new byte[length];
        for (var t = length - 1; t >= 0; t--)
        {
            states[t] = (byte)state;
            state = back[(t * StateCount) + state];
        }
        var count = 0;
        for (var t = 0; t < length - 1; t++)
        {
            if (states[t] is E or S)
                wordEnds[count++] = t + 1;
        }
        wordEnds[count++] = length;
        return count;
    }

    private double Emission(ReadOnlySpan<char> run, int offset, int state)
    {
        var c = run[offset];
        return char.IsSurrogate(c) ? 0 : emissions[(c * StateCount) + state];
    }

    private static int StateIndex(string name) => name switch
    {
        "B" => B,
        "M" => M,
        "E" => E,
        "S" => S,
        _ => throw new FormatException($"Unknown HMM state '{name}'."),
    };

    private static void ReadRow(ReadOnlySpan<string> fields, Span<double> row)
    {
        for (var s = 0; s < StateCount; s++)
        {
            row[s] = s < fields.Length && fields[s].Length > 0
                ? double.Parse(fields[s], NumberStyles.Float, CultureInfo.InvariantCulture)
                : double.NegativeInfinity;
        }
    }
}
