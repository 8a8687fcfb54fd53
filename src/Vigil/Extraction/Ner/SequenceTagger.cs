using System.Runtime.InteropServices;
using Vigil.Extraction.Gazetteers;
using Vigil.Text;

namespace Vigil.Extraction.Ner;

/// <summary>One tokenised sentence with its gold BIO tags (training data).</summary>
public sealed record TaggedSentence(IReadOnlyList<string> Words, IReadOnlyList<string> Tags);

/// <summary>
/// A first-order structured perceptron tagger (Collins 2002) over <see cref="AveragedPerceptron"/>
/// weights: per-token emission features plus label-transition weights, decoded with Viterbi.
/// It takes and gives BIO tags, but learns BILOU ones (the last token of a name and a one-token name
/// get labels of their own, which Ratinov and Roth 2009 found to tag names better); transitions that
/// break the scheme (O → I-LOC, B-PER → O) are never chosen. Training shuffles with a fixed seed,
/// so the same data gives the same model on every machine.
/// </summary>
public sealed class SequenceTagger
{
    private const int Magic = 0x5647_4E53; // "VGNS"
    private const int DocumentMagic = 0x5647_4E44; // "VGND": the document window follows
    private const int FirstStageMagic = 0x5647_4E31; // "VGN1": the first-stage model follows, length-prefixed
    /// <summary>Bumped whenever the features change: a model trained on other features is refused, not misread.</summary>
    public const int FormatVersion = 4;
    private const string Start = "<s>";
    private readonly AveragedPerceptron _model;
    private readonly string[] _labels;
    /// <summary>Each label's BIO form, made once: predictions return these strings rather than new ones per token.</summary>
    private readonly string[] _bio;
    private readonly Dictionary<string, int> _index;
    private readonly bool[,] _allowed;      // [prev + 1, cur], prev = -1 is the sentence start
    private readonly bool[] _allowedLast;   // labels a sentence may end with
    private readonly int[][] _predecessors; // per label, the labels that may come before it, ascending (BILOU allows few)
    private readonly uint[] _transitions;   // feature of each previous label, index prev + 1
    private readonly NerFeatures.FeatureSet _mode;
    private readonly HashSet<string> _lowerVocabulary;
    private readonly int _documentWindow;
    /// <summary>Two-stage tagging: the model whose labels for the document this one reads (null: a single stage).</summary>
    private SequenceTagger? _firstStage;
    /// <summary>The first stage reads the same views (same mode and lower-case vocabulary): they are built once for both stages.</summary>
    private bool _firstStageSharesViews;

    private SequenceTagger WithFirstStage(SequenceTagger? first)
    {
        _firstStage = first;
        _firstStageSharesViews = first is not null && first._mode == _mode && first._lowerVocabulary.SetEquals(_lowerVocabulary);
        return this;
    }

    public IReadOnlyList<string> Labels => _labels;
    public NerFeatures.FeatureSet Mode => _mode;
    /// <summary>Sentences before and after whose words <see cref="DocumentContext"/> reads (0: each sentence alone).</summary>
    public int DocumentWindow => _documentWindow;

    private SequenceTagger(string[] labels, AveragedPerceptron model, NerFeatures.FeatureSet mode, HashSet<string> lowerVocabulary, int documentWindow = 0)
    {
        _documentWindow = documentWindow;
        _labels = labels;
        _bio = labels.Select(ToBio).ToArray();
        _model = model;
        _mode = mode;
        _lowerVocabulary = lowerVocabulary;
        _index = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i);
        _allowed = new bool[labels.Length + 1, labels.Length];
        _allowedLast = new bool[labels.Length];
        _transitions = new uint[labels.Length + 1];
        _transitions[0] = NerFeatures.Transition(Start);
        var bilou = labels.Any(l => l.StartsWith("L-", StringComparison.Ordinal) || l.StartsWith("U-", StringComparison.Ordinal));
        // In BILOU a B- or I- must be continued by the same type, and only I- or L- may continue one.
        static bool Opens(string label) => label.StartsWith("B-", StringComparison.Ordinal) || label.StartsWith("I-", StringComparison.Ordinal);
        static bool Continues(string label) => label.StartsWith("I-", StringComparison.Ordinal) || label.StartsWith("L-", StringComparison.Ordinal);
        for (var p = -1; p < labels.Length; p++)
        {
            if (p >= 0) _transitions[p + 1] = NerFeatures.Transition(labels[p]);
            for (var c = 0; c < labels.Length; c++)
            {
                var cur = labels[c];
                var sameType = p >= 0 && cur.Length > 2 && labels[p].Length > 2 && labels[p].AsSpan(2).SequenceEqual(cur.AsSpan(2));
                _allowed[p + 1, c] = Continues(cur)
                    ? sameType && Opens(labels[p])
                    : !bilou || p < 0 || !Opens(labels[p]);
            }
        }
        for (var c = 0; c < labels.Length; c++) _allowedLast[c] = !bilou || !Opens(labels[c]);
        _predecessors = new int[labels.Length][];
        for (var c = 0; c < labels.Length; c++)
            _predecessors[c] = Enumerable.Range(0, labels.Length).Where(p => _allowed[p + 1, c]).ToArray();
    }

    /// <summary>BIO tags as BILOU: a name's last token is L-, a one-token name U-.</summary>
    internal static string[] ToBilou(IReadOnlyList<string> bio)
    {
        var result = new string[bio.Count];
        for (var i = 0; i < bio.Count; i++)
        {
            var tag = bio[i];
            if (tag.Length < 2 || tag[1] != '-') { result[i] = tag; continue; }
            var continued = i + 1 < bio.Count && bio[i + 1].StartsWith("I-", StringComparison.Ordinal) && bio[i + 1].AsSpan(2).SequenceEqual(tag.AsSpan(2));
            result[i] = (tag[0], continued) switch
            {
                ('B', false) => "U-" + tag[2..],
                ('I', false) => "L-" + tag[2..],
                _ => tag,
            };
        }
        return result;
    }

    private static string ToBio(string label) => label.Length > 2 && label[1] == '-' && label[0] is 'U' or 'L'
        ? (label[0] == 'U' ? "B-" : "I-") + label[2..]
        : label;

    /// <param name="documentWindow">
    /// When above 0, <paramref name="data"/> is read as running text (sentences of one document contiguous, as KIND keeps them)
    /// and each sentence sees the other occurrences of its words this many sentences around it.
    /// </param>
    /// <param name="twoStage">
    /// With a document window: a second model reads the labels a first model gave the word's other occurrences in the
    /// document (Ratinov and Roth's prediction aggregation). It is trained on labels the first stage gave sentences it had
    /// not seen (two folds of alternating blocks of sentences), so that it learns how far to trust them.
    /// </param>
    /// <param name="members">
    /// Models trained on as many shuffles of the data (seeds <paramref name="seed"/>, <paramref name="seed"/> + 1, …) whose
    /// weights are averaged into one: a perceptron trained on little data depends on the order it saw it in, and the mean
    /// of a few is steadier. Tagging costs the same; training costs this many times more.
    /// </param>
    public static SequenceTagger Train(IReadOnlyList<TaggedSentence> data, Gazetteer? gazetteer, int epochs = 6, int seed = 1, TextWriter? log = null, int bits = 21,
        NerFeatures.FeatureSet mode = NerFeatures.FeatureSet.Words, int documentWindow = 0, bool twoStage = false, float outsidePenalty = 0, int members = 1)
    {
        if (members > 1)
        {
            var mean = Train(data, gazetteer, epochs, seed, log, bits, mode, documentWindow, twoStage, outsidePenalty: 0);
            for (var m = 1; m < members; m++)
            {
                log?.WriteLine($"  member {m + 1}/{members}");
                mean.AddWeights(Train(data, gazetteer, epochs, seed + m, log, bits, mode, documentWindow, twoStage, outsidePenalty: 0));
            }
            mean.ScaleWeights(1f / members);
            mean.PenaliseOutside(outsidePenalty);
            mean.FreezeWeights();
            return mean;
        }
        if (!twoStage || mode != NerFeatures.FeatureSet.Words || documentWindow <= 0 || data.Count < 2)
            return Train(data, gazetteer, epochs, seed, log, bits, mode, documentWindow, history: null, outsidePenalty);
        // Blocks of about a news article's length; smaller when the data are few, so that both folds get some.
        var blockSize = Math.Clamp(data.Count / 10, 1, 100);
        var folds = new[] { new List<int>(), new List<int>() };
        for (var i = 0; i < data.Count; i++) folds[i / blockSize % 2].Add(i);
        var history = new IReadOnlyList<string>[data.Count];
        for (var f = 0; f < 2; f++)
        {
            log?.WriteLine($"  first stage, fold {f + 1}/2");
            var model = Train(folds[1 - f].Select(i => data[i]).ToList(), gazetteer, epochs, seed, log, bits, mode, documentWindow, history: null, outsidePenalty: 0);
            // Each held-out block is tagged as running text of its own.
            foreach (var block in folds[f].Chunk(blockSize))
            {
                var tagged = model.PredictDocument(block.Select(i => data[i].Words).ToList(), gazetteer);
                for (var k = 0; k < block.Length; k++) history[block[k]] = tagged[k];
            }
        }
        log?.WriteLine("  first stage, all data");
        var first = Train(data, gazetteer, epochs, seed, log, bits, mode, documentWindow, history: null, outsidePenalty: 0);
        log?.WriteLine("  second stage");
        var second = Train(data, gazetteer, epochs, seed, log, bits, mode, documentWindow, history, outsidePenalty);
        second.WithFirstStage(first);
        return second;
    }

    private static SequenceTagger Train(IReadOnlyList<TaggedSentence> data, Gazetteer? gazetteer, int epochs, int seed, TextWriter? log, int bits,
        NerFeatures.FeatureSet mode, int documentWindow, IReadOnlyList<IReadOnlyList<string>>? history, float outsidePenalty)
    {
        var tags = data.Select(s => ToBilou(s.Tags)).ToArray();
        var labels = tags.SelectMany(t => t).Distinct().OrderBy(l => l == "O" ? "" : l, StringComparer.Ordinal).ToArray();
        var vocabulary = mode == NerFeatures.FeatureSet.Words ? LowerVocabulary(data) : [];
        var tagger = new SequenceTagger(labels, new AveragedPerceptron(labels.Length, bits), mode, vocabulary, mode == NerFeatures.FeatureSet.Words ? documentWindow : 0);
        var views = data.Select(s => tagger.View(s.Words, gazetteer)).ToArray();
        if (tagger._documentWindow > 0) DocumentContext.Annotate(views, tagger._documentWindow, history);
        var order = Enumerable.Range(0, data.Count).ToArray();
        var rng = new Random(seed);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            rng.Shuffle(order);
            int correct = 0, total = 0;
            foreach (var si in order)
            {
                var features = tagger.Features(views[si]);
                var guess = tagger.Decode(features);
                var gold = tags[si].Select(t => tagger._index[t]).ToArray();
                for (var i = 0; i < gold.Length; i++)
                {
                    tagger._model.Tick();
                    total++;
                    var gp = i == 0 ? -1 : gold[i - 1];
                    var pp = i == 0 ? -1 : guess[i - 1];
                    if (gold[i] == guess[i] && gp == pp) { correct++; continue; }
                    if (gold[i] == guess[i]) correct++;
                    foreach (var f in features[i])
                    {
                        tagger._model.Adjust(f, gold[i], 1f);
                        tagger._model.Adjust(f, guess[i], -1f);
                    }
                    tagger._model.Adjust(tagger._transitions[gp + 1], gold[i], 1f);
                    tagger._model.Adjust(tagger._transitions[pp + 1], guess[i], -1f);
                }
            }
            log?.WriteLine($"  epoch {epoch + 1}/{epochs}: token accuracy {(double)correct / Math.Max(1, total):0.0000}");
        }
        tagger._model.Average();
        tagger.PenaliseOutside(outsidePenalty);
        tagger._model.Freeze();
        return tagger;
    }

    // The perceptron learns to say O where it is unsure, so names are missed more than invented; a penalty
    // on O, chosen by cross-validation, moves the balance towards recall.
    private void PenaliseOutside(float penalty)
    {
        if (penalty != 0 && _index.TryGetValue("O", out var outside)) _model.Shift(NerFeatures.Bias, outside, -penalty);
    }

    /// <summary>Adds the weights of a model trained on the same data (same labels, features and stages), for a mean of models.</summary>
    private void AddWeights(SequenceTagger other)
    {
        if (!other._labels.SequenceEqual(_labels)) throw new ArgumentException("Only models with the same labels can be averaged.");
        _model.AddScaled(other._model, 1f);
        if (_firstStage is not null && other._firstStage is not null) _firstStage.AddWeights(other._firstStage);
    }

    private void ScaleWeights(float factor)
    {
        _model.Scale(factor);
        _firstStage?.ScaleWeights(factor);
    }

    /// <summary>Packs the weights of both stages for tagging once they are final.</summary>
    private void FreezeWeights()
    {
        _model.Freeze();
        _firstStage?.FreezeWeights();
    }

    /// <summary>
    /// Words written in lower case at least twice in the training data and more often so than capitalised
    /// inside a sentence: a capitalised form of one is more likely a sentence start or a title than a name.
    /// </summary>
    private static HashSet<string> LowerVocabulary(IReadOnlyList<TaggedSentence> data)
    {
        var lower = new Dictionary<string, int>(StringComparer.Ordinal);
        var upper = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in data)
            for (var i = 0; i < s.Words.Count; i++)
            {
                var w = s.Words[i];
                if (w.Length < 2 || !char.IsLetter(w[0])) continue;
                if (char.IsLower(w[0])) lower[w] = lower.GetValueOrDefault(w) + 1;
                else if (i > 0 && char.IsUpper(w[0])) { var k = Tokenizer.Normalize(w); upper[k] = upper.GetValueOrDefault(k) + 1; }
            }
        return lower.Where(kv => kv.Value >= 2 && kv.Value > upper.GetValueOrDefault(Tokenizer.Normalize(kv.Key)))
            .Select(kv => Tokenizer.Normalize(kv.Key)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The features' view of one sentence, as this model was trained to see it.</summary>
    public NerFeatures.SentenceView View(IReadOnlyList<string> words, Gazetteer? gazetteer) =>
        _mode == NerFeatures.FeatureSet.Characters ? NerFeatures.CharacterView(words, gazetteer, KoreanLexicon.Default.Value) : NerFeatures.View(words, gazetteer, _lowerVocabulary);

    private uint[][] Features(NerFeatures.SentenceView view)
    {
        var result = new uint[view.Words.Length][];
        var buffer = new List<uint>(40);
        for (var i = 0; i < result.Length; i++)
        {
            NerFeatures.Extract(view, i, buffer);
            result[i] = buffer.ToArray();
        }
        return result;
    }

    private int[] Decode(uint[][] features)
    {
        var n = features.Length;
        var c = _labels.Length;
        var path = new int[n];
        if (n == 0) return path;
        // Row-major [prev + 1, cur] and [token, label] tables in flat arrays (multi-dimensional ones are slow to allocate and index).
        Span<float> trans = stackalloc float[(c + 1) * c];
        for (var p = 0; p <= c; p++)
            for (var k = 0; k < c; k++) trans[p * c + k] = _model.Weight(_transitions[p], k);
        Span<float> emission = stackalloc float[c];
        var score = new float[n * c];
        var back = new int[n * c];
        for (var i = 0; i < n; i++)
        {
            _model.Score(features[i], emission);
            var row = i * c;
            for (var k = 0; k < c; k++)
            {
                if (i == 0)
                {
                    score[k] = _allowed[0, k] ? emission[k] + trans[k] : float.NegativeInfinity;
                    back[k] = -1;
                    continue;
                }
                var best = float.NegativeInfinity; var arg = 0;
                foreach (var p in _predecessors[k])
                {
                    var v = score[row - c + p] + trans[(p + 1) * c + k];
                    if (v > best) { best = v; arg = p; }
                }
                score[row + k] = best + emission[k];
                back[row + k] = arg;
            }
        }
        var last = -1;
        for (var k = 0; k < c; k++)
            if (_allowedLast[k] && (last < 0 || score[(n - 1) * c + k] > score[(n - 1) * c + last])) last = k;
        for (var i = n - 1; i >= 0; i--)
        {
            path[i] = last;
            last = back[i * c + last];
        }
        return path;
    }

    public string[] Predict(IReadOnlyList<string> words, Gazetteer? gazetteer) => Predict(View(words, gazetteer));

    public string[] Predict(NerFeatures.SentenceView view) => Array.ConvertAll(Decode(Features(view)), i => _bio[i]);

    /// <summary>
    /// Tags the sentences of one document, in order. A model trained with a document window reads the
    /// other sentences for context; any other model tags each sentence alone, as <see cref="Predict(IReadOnlyList{string}, Gazetteer?)"/> does.
    /// </summary>
    public string[][] PredictDocument(IReadOnlyList<IReadOnlyList<string>> sentences, Gazetteer? gazetteer) =>
        PredictViews(sentences.Select(s => View(s, gazetteer)).ToArray(), sentences, gazetteer);

    private string[][] PredictViews(NerFeatures.SentenceView[] views, IReadOnlyList<IReadOnlyList<string>> sentences, Gazetteer? gazetteer,
        DocumentContext.Occurrences? occurrences = null)
    {
        if (_documentWindow > 0)
        {
            // The occurrence index depends on the views' words only: one per document, whichever stage builds it first.
            occurrences ??= DocumentContext.Index(views);
            var first = _firstStage is null ? null
                : _firstStageSharesViews ? _firstStage.PredictViews(views, sentences, gazetteer, occurrences)
                : _firstStage.PredictDocument(sentences, gazetteer);
            DocumentContext.Annotate(views, _documentWindow, first, occurrences);
        }
        return views.Select(Predict).ToArray();
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var tmp = path + ".tmp";
        using (var fs = File.Create(tmp)) Write(fs);
        File.Move(tmp, path, overwrite: true);
    }

    private void Write(Stream fs)
    {
        {
            using (var w = new BinaryWriter(fs, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                w.Write(Magic);
                w.Write(FormatVersion);
                w.Write((byte)_mode);
                w.Write(_labels.Length);
                foreach (var l in _labels) w.Write(l);
                w.Write(_lowerVocabulary.Count);
                foreach (var v in _lowerVocabulary.Order(StringComparer.Ordinal)) w.Write(v);
                // Optional, so that files written without it (models that read sentences alone) still load: the document window.
                if (_documentWindow > 0) { w.Write(DocumentMagic); w.Write(_documentWindow); }
                if (_firstStage is not null)
                {
                    using var inner = new MemoryStream();
                    _firstStage.Write(inner);
                    w.Write(FirstStageMagic); w.Write(inner.Length); w.Write(inner.GetBuffer(), 0, (int)inner.Length);
                }
            }
            _model.Save(fs);
        }
    }

    public static SequenceTagger Load(string path)
    {
        using var fs = File.OpenRead(path);
        return Read(fs, path);
    }

    private static SequenceTagger Read(Stream fs, string path)
    {
        using var r = new BinaryReader(fs, System.Text.Encoding.UTF8, leaveOpen: true);
        if (r.ReadInt32() != Magic) throw new InvalidDataException($"{path} is not a Vigil NER model.");
        if (r.ReadInt32() != FormatVersion) throw new StaleModelException($"{path} was trained on other features than this version of Vigil uses; run `vigil train` again.");
        var mode = (NerFeatures.FeatureSet)r.ReadByte();
        if (!Enum.IsDefined(mode)) throw new InvalidDataException($"{path}: unknown feature set {(int)mode}.");
        var labels = new string[r.ReadInt32()];
        for (var i = 0; i < labels.Length; i++) labels[i] = r.ReadString();
        var vocabulary = new HashSet<string>(StringComparer.Ordinal);
        var count = r.ReadInt32();
        for (var i = 0; i < count; i++) vocabulary.Add(r.ReadString());
        // The weights are gzip data (1f 8b ...), which cannot start with the document marker.
        var window = 0;
        var mark = fs.Position;
        if (fs.Length - mark >= 8 && r.ReadInt32() == DocumentMagic) window = r.ReadInt32();
        else fs.Position = mark;
        SequenceTagger? first = null;
        mark = fs.Position;
        if (fs.Length - mark >= 12 && r.ReadInt32() == FirstStageMagic)
        {
            var length = r.ReadInt64();
            using var inner = new MemoryStream(r.ReadBytes(checked((int)length)));
            first = Read(inner, path);
        }
        else fs.Position = mark;
        return new SequenceTagger(labels, AveragedPerceptron.Load(fs), mode, vocabulary, window).WithFirstStage(first);
    }
}

/// <summary>A model file written by an earlier version of the features: retrain it with `vigil train`.</summary>
public sealed class StaleModelException(string message) : IOException(message);
