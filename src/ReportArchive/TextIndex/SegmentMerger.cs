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
    /// the document part is read as <see cref="PostingCursor"/> reads it, for each report's counts, the sum of its gaps'
    /// quotients and so the bit length of its positions, which are copied as they are.
    /// </summary>
    private static void CopyEncoded(SegmentWriter writer, IndexSegment source, int keyIndex, int[] renumber)
    {
        var data = source.Data;
        var offset = source.PostingStart(keyIndex);
        var frequency = (int)PostingEncoding.ReadVarint(data, ref offset);
        var documentBytes = (int)PostingEncoding.ReadVarint(data, ref offset);
        var documentShift = PostingEncoding.DocumentShift(source.DocumentCount, frequency);
        var bit = (long)offset * 8;
        var positionBit = (long)(offset + documentBytes) * 8;
        var document = -1;
        for (var i = 0; i < frequency; i++)
        {
            document += 1 + PostingEncoding.ReadRice(data, ref bit, documentShift);
            int title = 0, agency = 0, body = 1;
            var shape = PostingEncoding.Peek(data, bit);
            if ((shape & 1) != 0)
            {
                bit++; // once, in the body
            }
            else if ((shape & 2) != 0)
            {
                bit += 2;
                body = PostingEncoding.ReadGamma(data, ref bit) + 1;
            }
            else
            {
                bit += 2;
                body = PostingEncoding.ReadGamma(data, ref bit) - 1;
                title = PostingEncoding.ReadGamma(data, ref bit) - 1;
                agency = PostingEncoding.ReadGamma(data, ref bit) - 1;
            }

            var total = title + agency + body;
            int quotients;
            long bits;
            if (total == 1)
            {
                quotients = 0;
                bits = source.Widths[document];
            }
            else
            {
                quotients = PostingEncoding.ReadGamma(data, ref bit) - 1;
                bits = ((long)total * (PostingEncoding.PositionShift(source.PositionSpaces[document], total) + 1)) + quotients;
            }

            var merged = renumber[document];
            if (merged >= 0)
            {
                writer.AddEncodedDocument(merged, title, agency, body, quotients, data, positionBit, bits);
            }

            positionBit += bits;
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
