using System.Diagnostics;
using Vigil.Evaluation;
using Vigil.Extraction.Ner;

namespace Vigil.Extraction.Evaluation;

/// <summary>
/// The Russian tagger's development check: trained on four fifths of the factRuEval-2016 devset
/// (documents in name order, every fifth held out) and scored on the held-out fifth with the
/// track-1 comparator's metric. Features and label choices are judged here, never on the testset.
/// </summary>
public sealed class NerRussianDevSuite : IEvalSuite
{
    public string Name => "ner-ru-dev";
    public string Description => "Russian NER development check: factRuEval-2016 devset, trained on four fifths, track-1 F1 on the held-out fifth";

    public EvalReport Run(EvalContext context)
    {
        var docs = FactRuCorpus.Read(Path.Combine(context.SharedRoot, "data", "eval", "factrueval2016_ru", "devset"), keepLocOrg: true);
        var heldOut = docs.Where((_, i) => i % 5 == 4).ToList();
        var training = docs.Where((_, i) => i % 5 != 4).SelectMany(d => d.Sentences).ToList();
        var spec = NerModels.Find("ner-ru");
        var sw = Stopwatch.StartNew();
        var tagger = SequenceTagger.Train(training, NerModels.FeatureGazetteer.Value, spec.Epochs, seed: 1, context.Log, mode: spec.Mode);
        var trainTime = sw.Elapsed;
        sw.Restart();
        var predicted = heldOut.Select(d => d.Sentences.Select(s => (IReadOnlyList<string>)tagger.Predict(s.Words, NerModels.FeatureGazetteer.Value)).ToList()).ToList();
        var official = new FactRuTrack1Score();
        var locOrgAsLocation = new FactRuTrack1Score(locOrgAsLocation: true);
        for (var i = 0; i < heldOut.Count; i++)
        {
            var mentions = NerRussianSuite.SystemMentions(heldOut[i], predicted[i]).ToList();
            official.Add(heldOut[i], mentions);
            locOrgAsLocation.Add(heldOut[i], mentions);
        }
        var o = official.Overall;
        var extras = FactRuTrack1Score.Types.ToDictionary(t => $"F1 {t} (track 1)", t => Math.Round(official.ByType[t].F1, 4));
        extras["overall F1, LocOrg scored as loc (t1_eval.py -l)"] = Math.Round(locOrgAsLocation.Overall.F1, 4);
        extras["training seconds"] = Math.Round(trainTime.TotalSeconds, 1);
        return new EvalReport(Name, $"factRuEval-2016 devset: {training.Count} training sentences, {heldOut.Count} held-out documents",
            [new EvalScore("Vigil perceptron (ner-ru features, four fifths of the devset)", o.Precision, o.Recall, o.F1, o.Gold, sw.Elapsed, extras)],
            [
                "Development figures: the held-out documents are every fifth devset document in name order; the testset is not read.",
                "Scored with `FactRuTrack1Score` (the track-1 comparator's metric, default mode: LocOrg is its own type).",
            ]);
    }
}
