namespace ReportArchive.TextIndex;

/// <summary>
/// BM25 over the three fields (k1 1.2, b 0.75), weighted title 10, agency 5, body 1 as the FTS5 ranking was; field
/// lengths in UTF-16 units against the snapshot's averages; idf from the number of reports containing the term.
/// </summary>
internal sealed class Bm25Scorer
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private const double TitleWeight = 10;
    private const double AgencyWeight = 5;
    private const double BodyWeight = 1;

    private readonly long _documents;
    private readonly double _averageTitle;
    private readonly double _averageAgency;
    private readonly double _averageBody;

    public Bm25Scorer(long documents, long titleLengths, long agencyLengths, long bodyLengths)
    {
        _documents = documents;
        _averageTitle = Average(titleLengths, documents);
        _averageAgency = Average(agencyLengths, documents);
        _averageBody = Average(bodyLengths, documents);
    }

    public double Idf(long documentFrequency)
    {
        var df = Math.Min(documentFrequency, _documents);
        return Math.Log(1 + ((_documents - df + 0.5) / (df + 0.5)));
    }

    public double Score(double idf, int title, int agency, int body, int titleLength, int agencyLength, int bodyLength)
    {
        var score = 0.0;
        if (title > 0)
        {
            score += TitleWeight * Saturate(title, titleLength, _averageTitle);
        }

        if (agency > 0)
        {
            score += AgencyWeight * Saturate(agency, agencyLength, _averageAgency);
        }

        if (body > 0)
        {
            score += BodyWeight * Saturate(body, bodyLength, _averageBody);
        }

        return idf * score;
    }

    private static double Saturate(int frequency, int length, double average) =>
        frequency * (K1 + 1) / (frequency + (K1 * (1 - B + (B * length / average))));

    private static double Average(long sum, long documents) => documents == 0 || sum == 0 ? 1 : (double)sum / documents;
}
