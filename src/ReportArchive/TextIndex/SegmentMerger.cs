namespace ReportArchive.TextIndex;

/// <summary>
/// Merges segments into one: the kept reports renumbered in ascending id order, every key's postings concatenated
/// (or interleaved when the segments' id ranges overlap). A position's code depends on the report's field lengths and
/// the key's count in that report only, not on the report's number nor on the segment: when the id ranges do not
/// overlap (an import's neighbouring segments), each report's positions are copied as bits and only the document part
/// is encoded again; interleaved postings are decoded and encoded again.
/// </summary>
internal static class SegmentMerger
{
    public static IndexSegment Merge(IReadOnlyList<IndexSegment> segments, Func<long, bool> keepReport)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(keepReport);
        var sources = segments.Where(s => s.DocumentCount > 0).OrderBy(s => s.FirstReportId).ToArray();

        // The kept reports: (id, source, local document), and each source document's new number (-1: dropped).
        var kept = new List<(long Id, int Source, int Document)>();
        var renumber = new int[sources.Length][];
        for (var s = 0; s < sources.Length; s++)
        {
            renumber[s] = new int[sources[s].DocumentCount];
            for (var d = 0; d < sources[s].DocumentCount; d++)
            {
                var id = sources[s].ReportId(d);
                renumber[s][d] = -1;
                if (keepReport(id))
                {
                    kept.Add((id, s, d));
                }
            }
        }

        var inOrder = true;
        for (var i = 1; i < kept.Count && inOrder; i++)
        {
            inOrder = kept[i].Id > kept[i - 1].Id;
        }

        if (!inOrder)
        {
            kept.Sort((a, b) => a.Id.CompareTo(b.Id));
            for (var i = 1; i < kept.Count; i++)
            {
                if (kept[i].Id == kept[i - 1].Id)
                {
                    throw new InvalidOperationException($"report {kept[i].Id} is in two segments");
                }
            }
        }

        var ids = new long[kept.Count];
        var titles = new int[kept.Count];
        var agencies = new int[kept.Count];
        var bodies = new int[kept.Count];
        for (var i = 0; i < kept.Count; i++)
        {
            var (id, s, d) = kept[i];
            renumber[s][d] = i;
            ids[i] = id;
            titles[i] = sources[s].TitleLengths[d];
            agencies[i] = sources[s].AgencyLengths[d];
            bodies[i] = sources[s].BodyLengths[d];
        }

        var writer = new SegmentWriter(ids, titles, agencies, bodies, (int)Math.Min(Array.MaxLength, sources.Sum(s => (long)s.ByteCount)));
        var next = new int[sources.Length];
        var interleaved = new List<(int Document, PostingCursor Cursor)>();
        while (true)
        {
            // The smallest key not yet written, over every source.
            var key = ulong.MaxValue;
            var any = false;
            for (var s = 0; s < sources.Length; s++)
            {
                if (next[s] < sources[s].KeyCount)
                {
                    var candidate = sources[s].Keys[next[s]];
                    if (!any || candidate < key)
                    {
                        key = candidate;
                        any = true;
                    }
                }
            }

            if (!any)
            {
                break;
            }

            writer.BeginKey(key);
            interleaved.Clear();
            for (var s = 0; s < sources.Length; s++)
            {
                if (next[s] >= sources[s].KeyCount || sources[s].Keys[next[s]] != key)
                {
                    continue;
                }

                if (inOrder)
                {
                    CopyEncoded(writer, sources[s], next[s], renumber[s]);
                    next[s]++;
                    continue;
                }

                var cursor = new PostingCursor(sources[s], next[s]);
                next[s]++;
                while (cursor.MoveNext())
                {
                    var document = renumber[s][cursor.Document];
                    if (document < 0)
                    {
                        continue;
                    }

                    interleaved.Add((document, cursor));
                }
            }

            if (!inOrder)
            {
                interleaved.Sort((a, b) => a.Document.CompareTo(b.Document));
                foreach (var (document, cursor) in interleaved)
                {
                    Copy(writer, document, cursor);
                }
            }

            writer.EndKey();
        }

        return IndexSegment.Load(writer.Finish());
    }

    /// <summary>
    /// Copies one key's postings of <paramref name="source"/> to the writer, report by report (dropped ones skipped):
    /// the cursor reads each report's counts and where its positions lie, and the positions' bits are copied as they are.
    /// </summary>
    private static void CopyEncoded(SegmentWriter writer, IndexSegment source, int keyIndex, int[] renumber)
    {
        var cursor = new PostingCursor(source, keyIndex);
        while (cursor.MoveNext())
        {
            var merged = renumber[cursor.Document];
            if (merged >= 0)
            {
                writer.AddEncodedDocument(
                    merged, cursor.Title, cursor.Agency, cursor.Body, cursor.PositionQuotients, source.Data,
                    cursor.PositionStartBit, cursor.PositionBitLength);
            }
        }
    }

    private static void Copy(SegmentWriter writer, int document, in PostingCursor cursor)
    {
        writer.AddDocument(document, cursor.Title, cursor.Agency, cursor.Body);
        var total = cursor.Total;
        var positions = cursor.Positions;
        for (var i = 0; i < total; i++)
        {
            writer.AddPosition(positions.Next());
        }
    }
}
