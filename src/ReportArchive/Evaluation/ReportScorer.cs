using System.Globalization;
using ReportArchive.Documents;

namespace ReportArchive.Evaluation;

/// <summary>
/// Scores what the parser read from one input against its expected values, by the real-reports rules: each of
/// year, province, city, county, level and agency type is right or wrong (the agency type is right when it is among
/// the report's types, up to <see cref="AgencyTypeEquivalence"/>); each expected figure is right, wrong or missing,
/// and a figure given where the expected value is null counts against precision. Pure.
/// </summary>
public static class ReportScorer
{
    public const string YearField = "year";
    public const string ProvinceField = "province";
    public const string CityField = "city";
    public const string CountyField = "county";
    public const string LevelField = "level";
    public const string AgencyTypeField = "agencyType";

    public static InputScore Score(string input, ExpectedReport expected, ReportMetadata metadata, IReadOnlyDictionary<string, decimal?> figures)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(figures);
        var misses = new List<EvaluationMiss>();
        var metadataRight = 0;
        void Compare(string field, string? got, string? wanted)
        {
            if (string.Equals(got, wanted, StringComparison.Ordinal))
            {
                metadataRight++;
            }
            else
            {
                misses.Add(new EvaluationMiss(input, field, got, wanted, EvaluationMissKind.Metadata));
            }
        }

        Compare(YearField, Text(metadata.Year), Text(expected.Year));
        Compare(ProvinceField, metadata.Region.Province, expected.Province);
        Compare(CityField, metadata.Region.City, expected.City);
        Compare(CountyField, metadata.Region.County, expected.County);
        Compare(LevelField, metadata.Level, expected.Level);
        if (expected.AgencyType is { } type && AgencyTypeEquivalence.IsAmong(type, metadata.AgencyTypes))
        {
            metadataRight++;
        }
        else
        {
            misses.Add(new EvaluationMiss(
                input, AgencyTypeField, string.Join(", ", metadata.AgencyTypes), expected.AgencyType, EvaluationMissKind.Metadata));
        }

        int right = 0, wrong = 0, givenWhereNull = 0, expectedCount = 0;
        foreach (var (name, key) in ExpectedFigureNames.All)
        {
            var wanted = expected.Figures.GetValueOrDefault(name);
            var got = figures.GetValueOrDefault(key);
            if (wanted is null)
            {
                if (got is not null)
                {
                    givenWhereNull++;
                    misses.Add(new EvaluationMiss(input, name, Text(got), null, EvaluationMissKind.FigureNotExpected));
                }

                continue;
            }

            expectedCount++;
            if (got == wanted)
            {
                right++;
            }
            else if (got is null)
            {
                misses.Add(new EvaluationMiss(input, name, null, Text(wanted), EvaluationMissKind.MissingFigure));
            }
            else
            {
                wrong++;
                misses.Add(new EvaluationMiss(input, name, Text(got), Text(wanted), EvaluationMissKind.WrongFigure));
            }
        }

        return new InputScore(input, metadataRight, 6, right, wrong, givenWhereNull, expectedCount, misses);
    }

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);
}
