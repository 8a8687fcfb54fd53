using System.Diagnostics;
using Vigil.Extraction.Gazetteers;

namespace Vigil.Extraction.Ner;

/// <summary>
/// The trainable NER models, each rebuilt from the training split of a shared evaluation set by
/// `vigil train NAME`. Weights are not committed (they are derived from non-commercial data and
/// are tens of MB): they are cached outside the repository, in $VIGIL_CACHE/models or
/// ~/.cache/vigil/models, and trained on first use when missing.
/// </summary>
/// <summary>An installed dictionary a model's features read: ISTAT's Italian places, OpenCorpora for Russian, mecab-ko-dic for Korean.</summary>
public enum NerLexicon { None, ItalianPlaces, OpenCorpora, MecabKo }

public static class NerModels
{
    public const string CacheVariable = "VIGIL_CACHE";

    /// <param name="Revision">Raised when the training data or labels change, so a model cached before the change is not loaded.</param>
    /// <param name="DocumentWindow">Sentences before and after that document context reads (0: each sentence alone); the training data must then keep each document's sentences together and in order.</param>
    /// <param name="OutsidePenalty">Taken off the O label's bias after training (see <see cref="SequenceTagger.Train"/>), chosen by the model's development evaluation.</param>
    /// <param name="TwoStage">With a document window: a second model reads the first one's labels for the word's other occurrences.</param>
    /// <param name="Members">Models trained on other shuffles of the data and averaged into one (see <see cref="SequenceTagger.Train"/>).</param>
    /// <param name="Lexicon">The installed dictionary the features read when present; a model trained without it is cached under its own name.</param>
    public sealed record Spec(string Name, string Language, string Description, Func<string, List<TaggedSentence>> TrainingData, int Epochs,
        NerFeatures.FeatureSet Mode = NerFeatures.FeatureSet.Words, int Revision = 0, int DocumentWindow = 0, bool TwoStage = false, float OutsidePenalty = 0,
        NerLexicon Lexicon = NerLexicon.None, int Members = 1)
    {
        /// <summary>Why the dictionary this spec's features read is unavailable and how to install it; null when it is installed or none is read.</summary>
        public string? MissingLexicon => Lexicon switch
        {
            NerLexicon.OpenCorpora when OpenCorporaLexicon.Installed is null => OpenCorporaLexicon.Data.MissingMessage(OpenCorporaLexicon.Data.Directory),
            NerLexicon.MecabKo when MecabKoDictionary.Installed is null => MecabKoDictionary.Data.MissingMessage(MecabKoDictionary.Data.Directory),
            NerLexicon.ItalianPlaces when ItalianPlaces.Installed is null => ItalianPlaces.Data.MissingMessage(ItalianPlaces.Data.Directory),
            _ => null,
        };

        /// <summary>A tagger trained on <paramref name="data"/> with every setting of this spec (the released model, and the suites' folds).</summary>
        public SequenceTagger TrainOn(IReadOnlyList<TaggedSentence> data, TextWriter? log) =>
            SequenceTagger.Train(data, FeatureGazetteer.Value, Epochs, seed: 1, log, mode: Mode, documentWindow: DocumentWindow, twoStage: TwoStage,
                outsidePenalty: OutsidePenalty, members: Members);
    }

    public static readonly IReadOnlyList<Spec> All =
    [
        new("ner-it", "it", "Italian PER/LOC/ORG from KIND (NERMuD 2023) training splits (Wikinews, fiction, De Gasperi) and the Wikinews dev split",
            shared => [.. ItalianTrainingSplits(shared), .. NerCorpora.ReadConll(KindFile(shared, "WN_dev.tsv"))], 12, Revision: 2, DocumentWindow: 10, TwoStage: true,
            Lexicon: NerLexicon.ItalianPlaces),
        new("ner-ru", "ru", "Russian PER/LOC/ORG/LOCORG from the factRuEval-2016 development set (its training data)",
            shared => NerCorpora.ReadFactRu(Path.Combine(shared, "data", "eval", "factrueval2016_ru", "devset"), keepLocOrg: true), 12, Revision: 6, Lexicon: NerLexicon.OpenCorpora,
            DocumentWindow: 10, TwoStage: true, Members: 3),
        new("ner-ko", "ko", "Korean PS/LC/OG/DT/QT/TI over characters from KLUE-NER v1.1 dev (its training split is not in the shared data)",
            shared => NerCorpora.ReadKlue(Path.Combine(shared, "data", "eval", "klue_ner_ko", "klue-ner-v1.1_dev.tsv"), keepAll: true), 12, NerFeatures.FeatureSet.Characters,
            Revision: 4, OutsidePenalty: 8, Members: 3, Lexicon: NerLexicon.MecabKo),
    ];

    public static string KindFile(string shared, string file) => Path.Combine(shared, "data", "eval", "kind_it_ner", "evalita-2023", file);

    /// <summary>KIND's training splits (Wikinews, fiction, De Gasperi), each file's sentences in their running order.</summary>
    public static List<TaggedSentence> ItalianTrainingSplits(string shared) =>
        [.. NerCorpora.ReadConll(KindFile(shared, "WN_train.tsv")), .. NerCorpora.ReadConll(KindFile(shared, "FIC_train.tsv")), .. NerCorpora.ReadConll(KindFile(shared, "ADG_train.tsv"))];

    /// <summary>The gazetteer the models' features see: places and the lexicon, without list names, so training is reproducible.</summary>
    public static readonly Lazy<Gazetteer> FeatureGazetteer = new(() => GazetteerBuilder.Build([]), LazyThreadSafetyMode.ExecutionAndPublication);

    public static string CacheDirectory
    {
        get
        {
            var env = Environment.GetEnvironmentVariable(CacheVariable);
            var root = !string.IsNullOrEmpty(env) ? env
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "vigil");
            return Path.Combine(root, "models");
        }
    }

    /// <summary>The cache file of a model; its name carries the feature version, so builds with other features keep their own.</summary>
    public static string PathFor(string name)
    {
        var spec = All.FirstOrDefault(s => s.Name == name);
        var revision = spec?.Revision ?? 0;
        var variant = spec?.MissingLexicon is not null ? "-nolex" : "";
        return Path.Combine(CacheDirectory, $"{name}.v{SequenceTagger.FormatVersion}{(revision > 0 ? $"r{revision}" : "")}{variant}.vgnr");
    }

    public static Spec Find(string name) => All.FirstOrDefault(s => s.Name == name)
        ?? throw new ArgumentException($"No trainable model named '{name}'. Known: {string.Join(", ", All.Select(s => s.Name))}.");

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (DateTime Written, SequenceTagger Tagger)> Loaded = new(StringComparer.Ordinal);

    /// <summary>
    /// The cached model, or null when there is none or it was trained on an older version of the features.
    /// A file is read once per process (a model is tens of MB in memory) until `vigil train` rewrites it.
    /// </summary>
    public static SequenceTagger? TryLoad(string name)
    {
        var path = PathFor(name);
        if (!File.Exists(path)) return null;
        var written = File.GetLastWriteTimeUtc(path);
        if (Loaded.TryGetValue(path, out var hit) && hit.Written == written) return hit.Tagger;
        try
        {
            var tagger = SequenceTagger.Load(path);
            Loaded[path] = (written, tagger);
            return tagger;
        }
        catch (StaleModelException) { return null; }
    }

    public static SequenceTagger Train(string name, string sharedRoot, TextWriter log)
    {
        var spec = Find(name);
        var sw = Stopwatch.StartNew();
        var data = spec.TrainingData(sharedRoot);
        if (spec.MissingLexicon is { } missing)
            log.WriteLine($"{name}: warning: {missing} Training without the lexicon features (less accurate).");
        log.WriteLine($"{name}: training on {data.Count} sentences, {data.Sum(s => s.Words.Count)} tokens ({spec.Description})");
        var tagger = spec.TrainOn(data, log);
        var path = PathFor(name);
        tagger.Save(path);
        log.WriteLine($"{name}: saved {path} ({new FileInfo(path).Length / 1024} KiB) in {sw.Elapsed.TotalSeconds:F1} s");
        return tagger;
    }

    public static SequenceTagger LoadOrTrain(string name, string sharedRoot, TextWriter log) => TryLoad(name) ?? Train(name, sharedRoot, log);
}
