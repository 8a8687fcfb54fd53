using System.Diagnostics;
using System.Globalization;
using Vigil.Screening;
using Vigil.Screening.Matching;

namespace Vigil.Evaluation;

/// <summary>
/// `vigil eval screening-calibration`: the grid search that chose <see cref="MatcherWeights.Default"/>
/// and <see cref="Screener.MatchThreshold"/>. It sees only the training split of the labelled pairs
/// (never <see cref="LabelledPair.IsHeldOut"/> pairs); the figures it reports are training figures.
/// </summary>
public sealed class ScreeningCalibrationSuite : IEvalSuite
{
    public string Name => "screening-calibration";

    public string Description => "Grid search of the screening weights and threshold on the training split of the labelled pairs (training figures only).";

    public EvalReport Run(EvalContext context)
    {
        var watch = Stopwatch.StartNew();
        var lists = ListLoader.Load(Path.Combine(context.SharedRoot, "data", "sanctions"));
        var screener = new Screener(lists.Entries);
        var train = ScreeningEvalData.NomenklaturaPairs(context.SharedRoot).Where(p => !p.IsHeldOut).ToList();
        var results = new List<(MatcherWeights Weights, double Threshold, Confusion Counts)>();
        foreach (var weights in Grid())
        {
            var candidate = screener.With(weights, Screener.MatchThreshold);
            var scored = train.Select(p => (p.IsMatch, candidate.CompareNames(p.Query, p.Candidate, p.Schema))).ToList();
            var threshold = ScreeningSuite.BestThreshold(scored);
            results.Add((weights, threshold, Confusion.Count(scored.Select(s => (s.IsMatch, s.Item2 >= threshold)))));
        }
        // Best training F1; ties go to the higher threshold (fewer false positives on real lists).
        var ranked = results.OrderByDescending(r => Math.Round(r.Counts.F1, 3)).ThenByDescending(r => r.Threshold).ToList();
        var current = results.FirstOrDefault(r => r.Weights == MatcherWeights.Default);
        var notes = ranked.Take(8).Select(r => $"train F1 {r.Counts.F1:0.000} at threshold {r.Threshold:0.00}: {Describe(r.Weights)}").ToList();
        notes.Insert(0, $"{results.Count} weight settings tried on {train.Count} training pairs; the held-out pairs are not read. Best first:");
        if (current.Weights is not null) notes.Add($"Shipped defaults: train F1 {current.Counts.F1:0.000} at best threshold {current.Threshold:0.00} (shipped threshold {Screener.MatchThreshold:0.00}).");
        var best = ranked[0];
        return new EvalReport(Name, "nomenklatura pairs, training split", [
            new EvalScore("best setting (training split)", best.Counts.Precision, best.Counts.Recall, best.Counts.F1, best.Counts.Support, watch.Elapsed,
                new Dictionary<string, double> { ["threshold"] = best.Threshold }),
        ], notes);
    }

    private static IEnumerable<MatcherWeights> Grid()
    {
        foreach (var share in new[] { 0.5, 0.6, 0.7 })
            foreach (var minShare in new[] { 0.0, 0.3, 0.6 })
                foreach (var conflict in new[] { 0.45, 0.6, 0.8 })
                    foreach (var weakCredit in new[] { 0.0, 0.5, 0.8 })
                        foreach (var substitution in new[] { 0.0, 0.1 })
                            foreach (var listShare in new[] { 0.4, 0.6 })
                                foreach (var organisationShare in new[] { 0.6, 0.7 })
                                    foreach (var legal in new[] { 0.1, 0.2 })
                                        yield return MatcherWeights.Default with
                                        {
                                            WeakPairCredit = weakCredit,
                                            QueryCoverageShare = share, MinCoverageShare = minShare, ConflictPenalty = conflict,
                                            SubstitutionPenalty = substitution, ListCoveredQueryShare = listShare,
                                            OrganisationQueryCoverageShare = organisationShare, LegalFormConflictPenalty = legal,
                                        };
    }

    private static string Describe(MatcherWeights w) => string.Create(CultureInfo.InvariantCulture,
        $"QueryCoverageShare {w.QueryCoverageShare}, MinCoverageShare {w.MinCoverageShare}, ConflictPenalty {w.ConflictPenalty}, WeakPairCredit {w.WeakPairCredit}, SubstitutionPenalty {w.SubstitutionPenalty}, ListCoveredQueryShare {w.ListCoveredQueryShare}, OrganisationQueryCoverageShare {w.OrganisationQueryCoverageShare}, LegalFormConflictPenalty {w.LegalFormConflictPenalty}");
}
