using System.Diagnostics;
using Vigil.Evaluation;
using Vigil.Extraction.Ner;

namespace Vigil.Extraction.Evaluation;

/// <summary>
/// Korean NER on the KLUE-NER v1.1 dev set. KLUE's training split is not in the shared data, so
/// the character tagger is scored by two-fold cross-validation on the dev set (train on one half,
/// tag the other, and the reverse), beside the memorisation baseline under the same folds.
/// </summary>
public sealed class NerKoreanSuite : IEvalSuite
{
    public string Name => "ner-ko";
    public string Description => "Korean NER (PS/LC/OG/DT/QT/TI) on KLUE-NER v1.1 dev, character-level tagger, 2-fold cross-validation";

    public EvalReport Run(EvalContext context)
    {
        var data = NerCorpora.ReadKlue(Path.Combine(context.SharedRoot, "data", "eval", "klue_ner_ko", "klue-ner-v1.1_dev.tsv"), keepAll: true);
        var folds = new[] { data.Where((_, i) => i % 2 == 0).ToList(), data.Where((_, i) => i % 2 == 1).ToList() };
        var gazetteer = NerModels.FeatureGazetteer.Value;
        var tagger = new NerScore();
        var baseline = new NerScore();
        var swTagger = new Stopwatch();
        var swBaseline = new Stopwatch();
        for (var f = 0; f < 2; f++)
        {
            var train = folds[f]; var test = folds[1 - f];
            context.Log.WriteLine($"ner-ko: fold {f + 1}/2, training on {train.Count} sentences");
            swTagger.Start();
            var model = SequenceTagger.Train(train, gazetteer, epochs: 12, seed: 1, context.Log, bits: 21, NerFeatures.FeatureSet.Characters);
            foreach (var s in test) tagger.Add(s.Tags, model.Predict(s.Words, gazetteer));
            swTagger.Stop();
            swBaseline.Start();
            var memo = new MemorisationBaseline(train);
            foreach (var s in test) baseline.Add(s.Tags, memo.Predict(s.Words));
            swBaseline.Stop();
        }
        return new EvalReport(Name, $"KLUE-NER v1.1 dev ({data.Count} sentences), 2-fold cross-validation", 
        [
            new EvalScore("Vigil perceptron (characters)", tagger.Precision, tagger.Recall, tagger.F1, tagger.Gold, swTagger.Elapsed, tagger.PerTypeF1()),
            new EvalScore("baseline: memorised training entities", baseline.Precision, baseline.Recall, baseline.F1, baseline.Gold, swBaseline.Elapsed, baseline.PerTypeF1()),
        ],
        [
            "KLUE's metric is entity-level F1 over its six types (PS person, LC location, OG organisation, DT date, QT quantity, TI time) on character spans; this is its micro-averaged form.",
            "KLUE's training split is absent from the shared data, so these figures come from 2-fold cross-validation on the dev set (sentences alternately assigned), not from the official train/dev protocol; they are not comparable with the KLUE leaderboard.",
            "Features are character uni-, bi- and trigrams (±2), character kinds, and the eojeol (space-separated word) around each character: the whole eojeol, the character's position in it, the parts before and after it, its first and last syllables (particles) and the neighbouring eojeols; the eojeol's stem without its particle (josa) and the particle itself; and the gazetteer's names (CLDR country names in Korean) at the start of an eojeol. Labels are learnt as BILOU. 12 epochs, fixed shuffling seed.",
            "With no other Korean data, the features were chosen by this same cross-validation: the figures are development figures, not a held-out test.",
        ]);
    }
}
