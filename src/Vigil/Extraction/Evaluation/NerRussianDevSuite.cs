using System.Diagnostics;
using Vigil.Evaluation;
using Vigil.Extraction.Ner;

namespace Vigil.Extraction.Evaluation;

/// <summary>
/// The Russian tagger's development check: five-fold cross-validation over the factRuEval-2016
/// devset documents, each fold trained on four fifths and scored on the held-out fifth with the
/// track-1 comparator's metric. Features and label choices are judged here, never on the testset.
/// </summary>
public sealed class NerRussianDevSuite : IEvalSuite
{
    private const int Folds = 5;

    public string Name => "ner-ru-dev";
    public string Description => "Russian NER development check: factRuEval-2016 devset, 5-fold cross-validation by document, track-1 F1";

    public EvalReport Run(EvalContext context)
    {
        var docs = FactRuCorpus.Read(Path.Combine(context.SharedRoot, "data", "eval", "factrueval2016_ru", "devset"), keepLocOrg: true);
        var spec = NerModels.Find("ner-ru");
        var scores = new FactRuTrack1Scores();
        var trainTime = TimeSpan.Zero;
        var sw = new Stopwatch();
        for (var fold = 0; fold < Folds; fold++)
        {
            var heldOut = docs.Where((_, i) => i % Folds == fold).ToList();
            var training = docs.Where((_, i) => i % Folds != fold).SelectMany(d => d.Sentences).ToList();
            var started = Stopwatch.StartNew();
            var tagger = spec.TrainOn(training, TextWriter.Null);
            trainTime += started.Elapsed;
            sw.Start();
            foreach (var doc in heldOut)
            {
                var predicted = tagger.PredictDocument(doc.Sentences.Select(s => s.Words).ToList(), NerModels.FeatureGazetteer.Value).Select(p => (IReadOnlyList<string>)p).ToList();
                scores.Add(doc, NerRussianSuite.SystemMentions(doc, predicted).ToList());
            }
            sw.Stop();
            context.Log.WriteLine($"ner-ru-dev: fold {fold + 1}/{Folds} done, overall F1 so far {scores.Official.Overall.F1:F4}");
        }
        var o = scores.Official.Overall;
        var extras = scores.Extras();
        extras["training seconds"] = Math.Round(trainTime.TotalSeconds, 1);
        return new EvalReport(Name, $"factRuEval-2016 devset ({docs.Count} documents), {Folds}-fold cross-validation by document",
            [new EvalScore("Vigil perceptron (ner-ru features and labels)", o.Precision, o.Recall, o.F1, o.Gold, sw.Elapsed, extras)],
            [
                $"Development figures: each fold trains on four fifths of the devset documents (in name order, every fifth held out in turn) and is scored on the rest; counts add up over the folds. The testset is not read.",
                "Scored with `FactRuTrack1Score` (the track-1 comparator's metric, default mode: LocOrg is its own type).",
            ]);
    }
}
