namespace ReportArchive.Evaluation;

/// <summary>The expected files' figure names and the figure keys (docs/figures.md) they stand for.</summary>
public static class ExpectedFigureNames
{
    public static IReadOnlyList<(string Name, string Key)> All { get; } =
    [
        ("applications_new_total", "requests.new.total"),
        ("applications_carried_over_total", "requests.carriedOver.total"),
        ("granted_total", "requests.granted.total"),
        ("partially_granted_total", "requests.partiallyGranted.total"),
        ("processed_total", "requests.processed.total"),
        ("carried_forward_total", "requests.carriedForward.total"),
        ("review_total", "review.total"),
        ("litigation_direct_total", "litigationDirect.total"),
        ("litigation_after_review_total", "litigationAfterReview.total"),
        ("normative_docs_issued", "proactive.normativeDocuments.issued"),
        ("admin_penalty", "proactive.administrativePenalty.decisions"),
    ];
}
