namespace ReportArchive.TextIndex;

/// <summary>A required clause ready to run: its alternative terms' plans and their idf over the snapshot.</summary>
internal sealed record CompiledClause(TermPlan[] Terms, double[] Idfs);
