using System.Buffers;

namespace ReportArchive.TextIndex;

/// <summary>A growing list of (local document, score), ascending by document, in pooled arrays.</summary>
internal sealed class ScoredDocuments : IDisposable
{
    public ScoredDocuments(int capacity)
    {
        Documents = ArrayPool<int>.Shared.Rent(Math.Max(16, capacity));
        Scores = ArrayPool<double>.Shared.Rent(Math.Max(16, capacity));
    }

    public int[] Documents { get; private set; }

    public double[] Scores { get; private set; }

    public int Count { get; set; }

    public void Add(int document, double score)
    {
        if (Count == Documents.Length)
        {
            Grow();
        }

        Documents[Count] = document;
        Scores[Count] = score;
        Count++;
    }

    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(Documents);
        ArrayPool<double>.Shared.Return(Scores);
        Documents = [];
        Scores = [];
        Count = 0;
    }

    private void Grow()
    {
        var documents = ArrayPool<int>.Shared.Rent(Documents.Length * 2);
        var scores = ArrayPool<double>.Shared.Rent(Documents.Length * 2);
        Documents.AsSpan(0, Count).CopyTo(documents);
        Scores.AsSpan(0, Count).CopyTo(scores);
        ArrayPool<int>.Shared.Return(Documents);
        ArrayPool<double>.Shared.Return(Scores);
        Documents = documents;
        Scores = scores;
    }
}
