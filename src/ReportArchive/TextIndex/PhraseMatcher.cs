namespace ReportArchive.TextIndex;

/// <summary>
/// Checks one report for a phrase of several tokens at fixed offsets, given the tokens' posting cursors on that
/// report. The token with the fewest positions drives: each of its positions proposes a start, and the others'
/// positions are decoded only as far as that start needs (they ascend, so each is decoded once at most). Title and
/// agency occurrences are counted; in the body the check stops at the first occurrence and the count is estimated as
/// the fewest body occurrences of any of the phrase's tokens (an upper bound; the score is for ordering only), so a long
/// report costs the positions up to its first occurrence.
/// </summary>
internal sealed class PhraseMatcher(int[] offsets, int tailOffset)
{
    private readonly PositionReader[] _readers = new PositionReader[offsets.Length];
    private readonly int[] _current = new int[offsets.Length];
    private readonly int[] _left = new int[offsets.Length];

    /// <param name="cursors">The tokens' cursors, all on the same report, in the order of the offsets.</param>
    /// <param name="tail">With a tail offset, the report's sorted positions of the tail tokens: one must be at the tail offset.</param>
    public (int Title, int Agency, int Body) Count(PostingCursor[] cursors, ReadOnlySpan<int> tail)
    {
        int leastTitle = int.MaxValue, leastAgency = int.MaxValue, leastBody = int.MaxValue;
        var driver = 0;
        for (var j = 0; j < cursors.Length; j++)
        {
            ref readonly var cursor = ref cursors[j];
            leastTitle = Math.Min(leastTitle, cursor.Title);
            leastAgency = Math.Min(leastAgency, cursor.Agency);
            leastBody = Math.Min(leastBody, cursor.Body);
            if (cursor.Total < cursors[driver].Total)
            {
                driver = j;
            }

            _readers[j] = cursor.Positions;
            _left[j] = cursor.Total;
            _current[j] = int.MinValue;
        }

        ref readonly var lead = ref cursors[driver];
        int driverTitle = leastTitle == 0 ? 0 : lead.Title, driverAgency = leastAgency == 0 ? 0 : lead.Agency;
        var titleEnd = lead.Title;
        var agencyEnd = titleEnd + lead.Agency;
        var total = lead.Total;
        int title = 0, agency = 0;
        ref var reader = ref _readers[driver];
        for (var i = 0; i < total; i++)
        {
            var position = reader.Next();
            if (i < titleEnd ? driverTitle == 0 : i < agencyEnd ? driverAgency == 0 : leastBody == 0)
            {
                if (i >= agencyEnd)
                {
                    break; // no body occurrence possible
                }

                continue;
            }

            var start = position - offsets[driver];
            var matched = true;
            for (var j = 0; j < cursors.Length && matched; j++)
            {
                if (j == driver)
                {
                    continue;
                }

                var wanted = start + offsets[j];
                var current = _current[j];
                while (current < wanted)
                {
                    if (_left[j] == 0)
                    {
                        return (title, agency, 0); // this token has no further position: no further occurrence
                    }

                    current = _readers[j].Next();
                    _left[j]--;
                }

                _current[j] = current;
                matched = current == wanted;
            }

            if (matched && (tailOffset < 0 || tail.BinarySearch(start + tailOffset) >= 0))
            {
                if (i < titleEnd)
                {
                    title++;
                }
                else if (i < agencyEnd)
                {
                    agency++;
                }
                else
                {
                    return (title, agency, leastBody);
                }
            }
        }

        return (title, agency, 0);
    }
}
