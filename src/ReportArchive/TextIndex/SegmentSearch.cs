using System.Buffers;

namespace ReportArchive.TextIndex;

/// <summary>
/// Runs a query over one segment: the clause with the fewest estimated reports first, each further clause only
/// over the reports still in (their positions are never read for the others), then the excluded terms. Exact AND,
/// OR and NOT over local document numbers; scores summed over the required terms found.
/// </summary>
internal sealed class SegmentSearch(IndexSegment segment, Bm25Scorer scorer, CancellationToken cancellationToken)
{
    private const int CancellationInterval = 4096;

    private int _work;

    public ScoredDocuments Run(IReadOnlyList<CompiledClause> required, IReadOnlyList<TermPlan> excluded)
    {
        ScoredDocuments? candidates = null;
        foreach (var clause in required.OrderBy(Estimate))
        {
            var result = EvaluateClause(clause, candidates);
            if (candidates is not null)
            {
                AddScores(candidates, result);
                candidates.Dispose();
            }

            candidates = result;
            if (candidates.Count == 0)
            {
                return candidates;
            }
        }

        candidates ??= AllDocuments();
        foreach (var plan in excluded)
        {
            if (candidates.Count == 0)
            {
                break;
            }

            using var hits = EvaluateTerm(plan, 0, candidates, scoring: false);
            RemoveAll(candidates, hits);
        }

        return candidates;
    }

    /// <summary>An upper bound of the reports in this segment that contain the term (exact for a one-token term).</summary>
    public long Estimate(TermPlan plan)
    {
        switch (plan.Kind)
        {
            case TermPlanKind.Prefix:
                {
                    var (from, to) = segment.KeyRange(plan.Low, plan.High);
                    long sum = 0;
                    for (var k = from; k < to && sum < segment.DocumentCount; k++)
                    {
                        sum += segment.DocumentFrequency(k);
                    }

                    return Math.Min(sum, segment.DocumentCount);
                }

            case TermPlanKind.Phrase:
                {
                    long least = segment.DocumentCount;
                    foreach (var key in plan.Keys)
                    {
                        var index = segment.FindKey(key);
                        least = Math.Min(least, index < 0 ? 0 : segment.DocumentFrequency(index));
                    }

                    return least;
                }

            default:
                return segment.DocumentCount;
        }
    }

    private long Estimate(CompiledClause clause)
    {
        long sum = 0;
        foreach (var term in clause.Terms)
        {
            sum += Estimate(term);
        }

        return sum;
    }

    private ScoredDocuments EvaluateClause(CompiledClause clause, ScoredDocuments? restrict)
    {
        var result = EvaluateTerm(clause.Terms[0], clause.Idfs[0], restrict, scoring: true);
        for (var i = 1; i < clause.Terms.Length; i++)
        {
            using var next = EvaluateTerm(clause.Terms[i], clause.Idfs[i], restrict, scoring: true);
            var union = Union(result, next);
            result.Dispose();
            result = union;
        }

        return result;
    }

    private ScoredDocuments EvaluateTerm(TermPlan plan, double idf, ScoredDocuments? restrict, bool scoring)
    {
        if (plan.Kind == TermPlanKind.Prefix)
        {
            var (from, to) = segment.KeyRange(plan.Low, plan.High);
            return to - from == 1
                ? EvaluateKey(from, idf, restrict, scoring)
                : EvaluateKeyUnion(from, to, idf, restrict, scoring);
        }

        if (plan.Kind != TermPlanKind.Phrase)
        {
            throw new InvalidOperationException("an unusable term cannot be evaluated by the index");
        }

        if (plan.HasTail)
        {
            return EvaluatePhraseWithTail(plan, idf, restrict, scoring);
        }

        if (plan.Keys.Length == 1)
        {
            return EvaluateKey(segment.FindKey(plan.Keys[0]), idf, restrict, scoring);
        }

        return EvaluatePhrase(plan, idf, restrict, scoring, null);
    }

    /// <summary>
    /// A phrase ending in a one-character segment (<see cref="TermPlan.TailOffset"/>): the reports with its fixed
    /// tokens in place, then, in those reports only, the positions of every token starting with the tail character
    /// (one pass over each such key's postings), then the phrase checked with the tail among its tokens.
    /// </summary>
    private ScoredDocuments EvaluatePhraseWithTail(TermPlan plan, double idf, ScoredDocuments? restrict, bool scoring)
    {
        using var candidates = EvaluatePhrase(plan, 0, restrict, scoring: false, null);
        if (candidates.Count == 0)
        {
            return new ScoredDocuments(0);
        }

        var positions = new List<int>?[candidates.Count];
        var (from, to) = segment.KeyRange(plan.Low, plan.High);
        for (var k = from; k < to; k++)
        {
            var cursor = new PostingCursor(segment, k);
            var i = 0;
            while (i < candidates.Count && cursor.SkipTo(candidates.Documents[i]))
            {
                Tick();
                while (i < candidates.Count && candidates.Documents[i] < cursor.Document)
                {
                    i++;
                }

                if (i < candidates.Count && candidates.Documents[i] == cursor.Document)
                {
                    var list = positions[i] ??= [];
                    var reader = cursor.Positions;
                    for (var p = 0; p < cursor.Total; p++)
                    {
                        list.Add(reader.Next());
                    }

                    i++;
                }
            }
        }

        var tail = new Dictionary<int, int[]>();
        using var withTail = new ScoredDocuments(candidates.Count);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (positions[i] is { } list)
            {
                list.Sort();
                tail[candidates.Documents[i]] = [.. list];
                withTail.Add(candidates.Documents[i], 0);
            }
        }

        return withTail.Count == 0 ? new ScoredDocuments(0) : EvaluatePhrase(plan, idf, withTail, scoring, tail);
    }

    /// <summary>One key: the postings' counts are the term's, no position is read.</summary>
    private ScoredDocuments EvaluateKey(int keyIndex, double idf, ScoredDocuments? restrict, bool scoring)
    {
        if (keyIndex < 0)
        {
            return new ScoredDocuments(0);
        }

        var cursor = new PostingCursor(segment, keyIndex);
        var output = new ScoredDocuments(Math.Min(cursor.DocumentFrequency, restrict?.Count ?? int.MaxValue));
        if (restrict is null)
        {
            while (cursor.MoveNext())
            {
                Tick();
                output.Add(cursor.Document, scoring ? Score(idf, cursor.Document, cursor.Title, cursor.Agency, cursor.Body) : 0);
            }

            return output;
        }

        var wanted = restrict.Documents;
        var count = restrict.Count;
        var i = 0;
        while (i < count && cursor.SkipTo(wanted[i]))
        {
            Tick();
            var document = cursor.Document;
            while (i < count && wanted[i] < document)
            {
                i++;
            }

            if (i < count && wanted[i] == document)
            {
                output.Add(document, scoring ? Score(idf, document, cursor.Title, cursor.Agency, cursor.Body) : 0);
                i++;
            }
        }

        return output;
    }

    /// <summary>Several keys (a one-character term): every token starting with the character is one occurrence.</summary>
    private ScoredDocuments EvaluateKeyUnion(int from, int to, double idf, ScoredDocuments? restrict, bool scoring)
    {
        var documents = segment.DocumentCount;
        if (from >= to || documents == 0)
        {
            return new ScoredDocuments(0);
        }

        var counts = ArrayPool<int>.Shared.Rent(documents * 3);
        var wanted = restrict is null ? null : ArrayPool<bool>.Shared.Rent(documents);
        try
        {
            Array.Clear(counts, 0, documents * 3);
            if (wanted is not null)
            {
                Array.Clear(wanted, 0, documents);
                for (var i = 0; i < restrict!.Count; i++)
                {
                    wanted[restrict.Documents[i]] = true;
                }
            }

            for (var k = from; k < to; k++)
            {
                var cursor = new PostingCursor(segment, k);
                while (cursor.MoveNext())
                {
                    Tick();
                    var document = cursor.Document;
                    if (wanted is null || wanted[document])
                    {
                        counts[document * 3] += cursor.Title;
                        counts[(document * 3) + 1] += cursor.Agency;
                        counts[(document * 3) + 2] += cursor.Body;
                    }
                }
            }

            var output = new ScoredDocuments(restrict?.Count ?? 256);
            if (restrict is null)
            {
                for (var document = 0; document < documents; document++)
                {
                    Emit(document);
                }
            }
            else
            {
                for (var i = 0; i < restrict.Count; i++)
                {
                    Emit(restrict.Documents[i]);
                }
            }

            return output;

            void Emit(int document)
            {
                int title = counts[document * 3], agency = counts[(document * 3) + 1], body = counts[(document * 3) + 2];
                if (title + agency + body > 0)
                {
                    output.Add(document, scoring ? Score(idf, document, title, agency, body) : 0);
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(counts);
            if (wanted is not null)
            {
                ArrayPool<bool>.Shared.Return(wanted);
            }
        }
    }

    /// <summary>
    /// Several tokens at fixed offsets: reports containing all keys, then their positions checked (with
    /// <paramref name="tail"/>, each report's sorted positions of the plan's tail, which must hold one at the tail offset).
    /// </summary>
    private ScoredDocuments EvaluatePhrase(TermPlan plan, double idf, ScoredDocuments? restrict, bool scoring, Dictionary<int, int[]>? tail)
    {
        var atoms = plan.Keys.Length;
        var cursors = new PostingCursor[atoms];
        for (var j = 0; j < atoms; j++)
        {
            var keyIndex = segment.FindKey(plan.Keys[j]);
            if (keyIndex < 0)
            {
                return new ScoredDocuments(0);
            }

            cursors[j] = new PostingCursor(segment, keyIndex);
        }

        // Rarest key first: it proposes the reports the others must reach.
        var order = new int[atoms];
        for (var j = 0; j < atoms; j++)
        {
            order[j] = j;
        }

        Array.Sort(order, (a, b) => cursors[a].DocumentFrequency.CompareTo(cursors[b].DocumentFrequency));
        var output = new ScoredDocuments(Math.Min(cursors[order[0]].DocumentFrequency, restrict?.Count ?? int.MaxValue));
        var matcher = new PhraseMatcher(plan.Offsets, tail is null ? -1 : plan.TailOffset);
        var wanted = restrict?.Documents;
        var wantedCount = restrict?.Count ?? 0;
        var r = 0;
        var target = 0;
        while (true)
        {
            Tick();
            if (wanted is not null)
            {
                while (r < wantedCount && wanted[r] < target)
                {
                    r++;
                }

                if (r == wantedCount)
                {
                    break;
                }

                target = wanted[r];
            }

            var aligned = true;
            foreach (var j in order)
            {
                ref var cursor = ref cursors[j];
                if (!cursor.SkipTo(target))
                {
                    return output;
                }

                if (cursor.Document > target)
                {
                    target = cursor.Document;
                    aligned = false;
                    break;
                }
            }

            if (!aligned)
            {
                continue;
            }

            var (title, agency, body) = matcher.Count(cursors, tail is null ? default : tail[target]);
            if (title + agency + body > 0)
            {
                output.Add(target, scoring ? Score(idf, target, title, agency, body) : 0);
            }

            target++;
        }

        return output;
    }

    private double Score(double idf, int document, int title, int agency, int body) => scorer.Score(
        idf, title, agency, body, segment.TitleLengths[document], segment.AgencyLengths[document], segment.BodyLengths[document]);

    private ScoredDocuments AllDocuments()
    {
        var all = new ScoredDocuments(segment.DocumentCount);
        for (var document = 0; document < segment.DocumentCount; document++)
        {
            all.Add(document, 0);
        }

        return all;
    }

    private void Tick()
    {
        if (++_work % CancellationInterval == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private static ScoredDocuments Union(ScoredDocuments a, ScoredDocuments b)
    {
        var output = new ScoredDocuments(a.Count + b.Count);
        int i = 0, j = 0;
        while (i < a.Count || j < b.Count)
        {
            if (j == b.Count || (i < a.Count && a.Documents[i] < b.Documents[j]))
            {
                output.Add(a.Documents[i], a.Scores[i]);
                i++;
            }
            else if (i == a.Count || b.Documents[j] < a.Documents[i])
            {
                output.Add(b.Documents[j], b.Scores[j]);
                j++;
            }
            else
            {
                output.Add(a.Documents[i], a.Scores[i] + b.Scores[j]);
                i++;
                j++;
            }
        }

        return output;
    }

    /// <summary>Adds the scores of <paramref name="earlier"/> to <paramref name="later"/>, whose documents are a subset of them.</summary>
    private static void AddScores(ScoredDocuments earlier, ScoredDocuments later)
    {
        var i = 0;
        for (var j = 0; j < later.Count; j++)
        {
            while (earlier.Documents[i] < later.Documents[j])
            {
                i++;
            }

            later.Scores[j] += earlier.Scores[i];
        }
    }

    private static void RemoveAll(ScoredDocuments candidates, ScoredDocuments hits)
    {
        int kept = 0, h = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            var document = candidates.Documents[i];
            while (h < hits.Count && hits.Documents[h] < document)
            {
                h++;
            }

            if (h < hits.Count && hits.Documents[h] == document)
            {
                continue;
            }

            candidates.Documents[kept] = document;
            candidates.Scores[kept] = candidates.Scores[i];
            kept++;
        }

        candidates.Count = kept;
    }
}
