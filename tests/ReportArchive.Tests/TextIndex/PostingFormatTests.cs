using System.Text;
using ReportArchive.Analysis.Tokenizers;
using ReportArchive.TextIndex;

namespace ReportArchive.Tests.TextIndex;

/// <summary>The segment format's pieces: postings decode to exactly the tokens and positions that were indexed.</summary>
public sealed class PostingFormatTests
{
    [Fact]
    public void Postings_RoundTrip_EveryTokenWithItsFieldCountsAndPositions()
    {
        var random = new Random(5);
        string[] alphabet = ["公", "开", "政", "府", "a", "1", "、", " ", ",", "\U00020000"];
        string Random(int length)
        {
            var builder = new StringBuilder();
            for (var i = 0; i < length; i++)
            {
                builder.Append(alphabet[random.Next(alphabet.Length)]);
            }

            return builder.ToString();
        }

        // lengths from empty to long enough for long unary codes (a token once near the start, once near the end)
        var texts = Enumerable.Range(1, 300)
            .Select(i => IndexedText.Of(i * 2, Random(random.Next(5)), Random(random.Next(3)), Random(random.Next(i % 50 == 0 ? 5000 : 60))))
            .Append(IndexedText.Of(1000, "", "", "公开" + new string('a', 3000) + "公开"))
            .ToList();
        var segment = IndexedText.Segments(texts, texts.Count)[0];
        AssertPostings(texts, segment);
        AssertPostings(texts, IndexSegment.Load(segment.ToBytes().ToArray()));
        AssertPostings(texts, IndexSegment.Merge(IndexedText.Segments(texts, 37), _ => true));
    }

    [Fact]
    public void Builder_OfTokenizedFields_WritesTheSameSegmentAsOfStrings()
    {
        var texts = IndexedText.Generated(40, seed: 9);
        var fromStrings = IndexedText.Segments(texts, 40)[0];
        var builder = new SegmentBuilder();
        var prepared = texts.AsParallel().AsOrdered().Select(t => TokenizedFields.Tokenize(t.Title, t.Agency, t.Body)).ToList();
        for (var i = 0; i < texts.Count; i++)
        {
            builder.Add(texts[i].Id, prepared[i]);
        }

        Assert.Equal(fromStrings.ToBytes(), builder.Build().ToBytes());
        var fields = TokenizedFields.Tokenize("公开", "", "公开、公开");
        Assert.Equal((3, 7), (fields.KeyCount, fields.TokenCount)); // 公开 ×3, 开 ×3 (segment ends), 、
    }

    [Theory]
    [InlineData("行政诉讼")] // two tokens in every report, many positions each
    [InlineData("政府信息公开")]
    [InlineData("萝北县行政诉讼")] // a rare token and common ones
    [InlineData("复议、诉讼")] // a separator between common tokens
    [InlineData("诉讼。")]
    [InlineData("2021年")] // a one-character tail
    public void Search_OfPhrasesOverRareAndCommonTokens_EqualsTheOracle_InOneSegmentAndAcrossSegments(string term)
    {
        var texts = IndexedText.Generated(150, seed: 12);
        var query = IndexedText.Query(term);
        var expected = texts.Where(t => t.Matches(query)).Select(t => t.Id).ToArray();
        Assert.Equal(expected, new TextIndexSnapshot(IndexedText.Segments(texts, 150)).Search(query, CancellationToken.None).Ids);
        Assert.Equal(expected, new TextIndexSnapshot(IndexedText.Segments(texts, 7)).Search(query, CancellationToken.None).Ids);
    }

    [Fact]
    public void Search_OfAPhraseWhoseTokensOccurOnlyApartOrInOtherFields_FindsNothing()
    {
        var texts = new List<IndexedText>
        {
            IndexedText.Of(1, "行政", "诉讼", "诉讼行政、行政。诉讼"), // both tokens, never adjacent in one field
            IndexedText.Of(2, "行政诉讼", "", ""), // in the title only
            IndexedText.Of(3, "", "", new string('诉', 3000) + "行政诉讼"), // late in a long body after many near misses
        };
        var snapshot = new TextIndexSnapshot(IndexedText.Segments(texts, 3));
        Assert.Equal([2L, 3L], snapshot.Search(IndexedText.Query("行政诉讼"), CancellationToken.None).Ids);
        Assert.Equal([1L], snapshot.Search(IndexedText.Query("诉讼行政"), CancellationToken.None).Ids);
    }

    private static void AssertPostings(List<IndexedText> texts, IndexSegment segment)
    {
        var expected = Expected(texts);
        Assert.Equal(expected.Keys.Order(), segment.Keys.ToArray());
        foreach (var (key, reports) in expected)
        {
            var cursor = new PostingCursor(segment, segment.FindKey(key));
            Assert.Equal(reports.Count, cursor.DocumentFrequency);
            foreach (var (document, (title, agency, positions)) in reports)
            {
                Assert.True(cursor.MoveNext());
                Assert.Equal((document, title, agency, positions.Count - title - agency), (cursor.Document, cursor.Title, cursor.Agency, cursor.Body));
                var decoded = new int[cursor.Total];
                cursor.CopyPositions(decoded);
                Assert.Equal(positions, decoded);
            }

            Assert.False(cursor.MoveNext());
        }
    }

    /// <summary>Every token of every report by brute force: key → local document → title count, agency count, positions.</summary>
    private static SortedDictionary<ulong, SortedDictionary<int, (int Title, int Agency, List<int> Positions)>> Expected(List<IndexedText> texts)
    {
        var keys = new SortedDictionary<ulong, SortedDictionary<int, (int Title, int Agency, List<int> Positions)>>();
        for (var document = 0; document < texts.Count; document++)
        {
            var text = texts[document];
            var fields = new[] { (text.Title, 0), (text.Agency, text.Title.Length + 1), (text.Body, text.Title.Length + text.Agency.Length + 2) };
            for (var field = 0; field < 3; field++)
            {
                var (value, start) = fields[field];
                foreach (var token in new SegmentBigramEnumerator(value, separators: true))
                {
                    var key = TokenKey.Of(value.AsSpan(token.Start, token.Length), token.Kind);
                    if (!keys.TryGetValue(key, out var reports))
                    {
                        keys[key] = reports = [];
                    }

                    var entry = reports.TryGetValue(document, out var found) ? found : (Title: 0, Agency: 0, Positions: new List<int>());
                    entry.Positions.Add(start + token.Start);
                    reports[document] = (entry.Title + (field == 0 ? 1 : 0), entry.Agency + (field == 1 ? 1 : 0), entry.Positions);
                }
            }
        }

        return keys;
    }
}
