using System.Diagnostics;
using Vigil.Analysis;
using Vigil.Evaluation;
using Vigil.Extraction;
using Vigil.Extraction.Ner;
using Vigil.Ingest;
using Vigil.Model;
using Vigil.Screening;

namespace Vigil.Pipeline.Evaluation;

/// <summary>
/// The whole pipeline (ingest, extraction, resolution, screening, analysis) on the five seed articles, compared with
/// their hand annotations: entities, claims with their type, attribution, denials and dates, and the screening of the
/// annotated entities. The annotations were made by one annotator looking at the very texts the pipeline is tuned on,
/// so these are regression figures for development, not accuracy.
/// </summary>
public sealed class SeedsSuite : IEvalSuite
{
    public string Name => "seeds";
    public string Description => "The whole pipeline on the five seed articles against their hand annotations (development regression figures, not accuracy)";

    public EvalReport Run(EvalContext context)
    {
        var gold = SeedGold.Load(context.SharedRoot);
        var seeds = Path.Combine(context.SharedRoot, "seeds");
        var batch = new Ingestor().Ingest([seeds]);
        foreach (var problem in batch.Problems) context.Log.WriteLine($"ingest: {problem}");
        var documents = batch.Documents.ToDictionary(d => Path.GetFileName(d.Source), StringComparer.Ordinal);
        var missing = gold.Where(g => !documents.ContainsKey(g.SeedFile)).Select(g => g.SeedFile).ToList();
        if (missing.Count > 0) throw new InvalidDataException($"Seed articles named in {SeedGold.Folder(context.SharedRoot)} were not ingested from {seeds}: {string.Join(", ", missing)}.");

        var lists = ListLoader.Load(Path.Combine(context.SharedRoot, "data", "sanctions"));
        context.Log.WriteLine($"lists: {lists.Entries.Count} entries");
        var screening = new EntityScreening(new Screener(lists.Entries));
        // The seeds are Italian: their model is trained here when it is not cached yet.
        var withModel = ExtractorOptions.WithCachedModels() with
        {
            NerModels = new Dictionary<string, SequenceTagger> { ["it"] = NerModels.LoadOrTrain("ner-it", context.SharedRoot, context.Log) },
        };

        var ordered = gold.Select(g => documents[g.SeedFile]).ToList();
        var scores = new List<EvalScore>();
        foreach (var (system, options) in new[]
        {
            ("Vigil (gazetteers, rules and the ner-it model)", withModel),
            ("baseline: Vigil without the statistical model (gazetteers and rules)", ExtractorOptions.Default),
        })
        {
            var sw = Stopwatch.StartNew();
            var resolver = new EntityResolver();
            var pipeline = new AnalysisPipeline(new Extractor(lists.Entries, options), resolver, screening, [Analyzer.WithDefaultProvisions(resolver)]);
            var result = pipeline.Analyze(ordered);
            var elapsed = sw.Elapsed;
            var total = new SeedGoldComparison();
            foreach (var g in gold) total += SeedGoldScore.Compare(g, documents[g.SeedFile], result.Entities, result.Claims);
            scores.AddRange(Rows(system, total, elapsed));
        }
        return new EvalReport(Name, "the five seed articles (shared/data/seeds_gold, one annotator; development figures)", scores,
        [
            "Development regression figures, not accuracy: five Italian articles, annotated by one annotator with no second pass, looking at the texts the pipeline is tuned on (see shared/data/seeds_gold/README.md).",
            "Entities are compared within each document. A system entity is right when one of its mentions is, exactly as written, a surface of an annotated entity of its type (PER, ORG, LOC); an annotated entity is found when such a mention names it. 'overlap' accepts a mention of the right type that overlaps a place where a surface occurs. Entities annotated as only in page chrome are not expected and not held against the system. Two system entities for one annotated entity both count as right.",
            "Claims: a claim is right when it has an annotated event's type and its evidence overlaps the annotated evidence; 'claim sentences' ignores the type. The annotation keeps at most 12 events per article and names the ones it left out, so claim precision is a lower bound.",
            "Of the claims that match: 'attribution agrees' when both are in the text's own voice, or the annotated label and the claim's attribution share a name; 'denied' counts annotated claims with deniers whose claim is marked denied; 'dated' counts the annotated text-grounded dates (two events) that the claim gives the same. No seed text states its publication date, so relative dates stay unresolved by design.",
            "Screening: each annotated entity whose listing the annotation knows (UN, US-OFAC; EU and UK lists are not in the shared data), through the system entities that name it. A match on a list the annotation names is right; a match on an entity the annotator is sure no regime lists is wrong; entities marked unsure are not counted.",
        ]);
    }

    private static IEnumerable<EvalScore> Rows(string system, SeedGoldComparison c, TimeSpan elapsed)
    {
        EvalScore Row(string what, GoldCount n, Dictionary<string, double>? extra = null) =>
            new($"{system}: {what}", n.Precision, n.Recall, n.F1, n.Gold, elapsed, extra);
        yield return Row("entities", c.Entities);
        yield return Row("entities, overlap", c.EntitiesOverlap);
        yield return Row("claims (type and evidence)", c.Claims, new()
        {
            ["matched claims"] = c.Matched,
            ["attribution agrees (share of matched)"] = c.Matched == 0 ? 0 : Math.Round((double)c.AttributionAgrees / c.Matched, 4),
            [$"denied claims marked denied (of {c.DeniedGold})"] = c.DeniedFound,
            [$"text-grounded dates given (of {c.DatedGold})"] = c.DatedFound,
        });
        yield return Row("claim sentences (any type)", c.ClaimSentences);
        yield return Row("screening of annotated entities", c.Screening);
    }
}
