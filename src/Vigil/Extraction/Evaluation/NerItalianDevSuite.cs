using System.Diagnostics;
using Vigil.Evaluation;
using Vigil.Extraction.Ner;

namespace Vigil.Extraction.Evaluation;

/// <summary>
/// The Italian tagger's development check: trained on the KIND training splits only (WN_train,
/// FIC_train, ADG_train) and scored on WN_dev. Features are chosen here; WN_test is not read.
/// </summary>
public sealed class NerItalianDevSuite : IEvalSuite
{
    public string Name => "ner-it-dev";
    public string Description => "Italian NER development check: trained on the KIND training splits, scored on WN_dev (entity-level exact-match micro F1)";

    public EvalReport Run(EvalContext context)
    {
        var spec = NerModels.Find("ner-it");
        var training = NerModels.ItalianTrainingSplits(context.SharedRoot);
        var dev = NerCorpora.ReadConll(NerModels.KindFile(context.SharedRoot, "WN_dev.tsv"));
        var gazetteer = NerModels.FeatureGazetteer.Value;
        var started = Stopwatch.StartNew();
        var tagger = spec.TrainOn(training, context.Log);
        var trainTime = started.Elapsed;
        var sw = Stopwatch.StartNew();
        var predicted = tagger.PredictDocument(dev.Select(s => s.Words).ToList(), gazetteer);
        var score = new NerScore();
        for (var i = 0; i < dev.Count; i++) score.Add(dev[i].Tags, predicted[i]);
        var extras = score.PerTypeF1().ToDictionary();
        extras["training seconds"] = Math.Round(trainTime.TotalSeconds, 1);
        return new EvalReport(Name, $"KIND WN_dev ({dev.Count} sentences)",
            [new EvalScore("Vigil perceptron (ner-it features, without WN_dev)", score.Precision, score.Recall, score.F1, score.Gold, sw.Elapsed, extras)],
            [
                "Development figures: the model is trained on WN_train, FIC_train and ADG_train (not WN_dev, which the released ner-it model also learns from) and scored on WN_dev as the NERMuD task scores, entity-level exact match, micro-averaged. WN_test is not read.",
            ]);
    }
}
