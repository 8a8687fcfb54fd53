using Vigil.Extraction.Gazetteers;
using Vigil.Extraction.Ner;
using Vigil.Model;
using Vigil.Text;

namespace Vigil.Extraction;

/// <summary>
/// The extraction stage: entities (gazetteer + rules), dates, quantities and claims for one
/// document. Build one per run (the gazetteer is built from the sanctions lists once) and call
/// <see cref="Extract"/> for each document; it is safe to call from several threads.
/// </summary>
public sealed class Extractor : IExtractor
{
    private readonly EntityRecognizer _recognizer;
    private readonly ExtractorOptions _options;

    public Gazetteer Gazetteer { get; }

    /// <summary>A recogniser whose gazetteer holds the names and aliases of the given list entries plus places and the lexicon.</summary>
    public Extractor(IEnumerable<ListEntry> listEntries, ExtractorOptions? options = null) : this(GazetteerBuilder.Build(listEntries), options) { }

    public Extractor(Gazetteer gazetteer, ExtractorOptions? options = null)
    {
        Gazetteer = gazetteer;
        _recognizer = new EntityRecognizer(gazetteer);
        _options = options ?? ExtractorOptions.Default;
    }

    public ExtractionResult Extract(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text ?? "";
        var tokens = Tokenizer.Tokenize(text);
        var sentences = SentenceSplitter.Split(text);
        // One normalised key per token, shared by the recogniser and the rule-based taggers below.
        var keys = Tokenizer.Keys(text, tokens);
        var mentions = _recognizer.Recognize(document.Id, text, tokens, sentences, document.Lang, keys);
        if (document.Lang is { } lang && _options.ModelFor(lang) is { } model)
            mentions = AddModelMentions(document.Id, text, tokens, sentences, mentions, model);
        var vessels = VesselRecognizer.Recognize(document.Id, text, tokens, sentences, mentions, keys);
        if (vessels.Count > 0)
            mentions = mentions.Where(m => !vessels.Any(v => v.Span.Overlaps(m.Span))).Concat(vessels).OrderBy(m => m.Span.Start).ToList();
        var dates = TemporalTagger.Tag(document.Id, text, tokens, document.Published, keys);
        var quantities = QuantityTagger.Tag(document.Id, text, tokens, dates, keys);
        var claims = ClaimExtractor.Extract(document with { Text = text }, tokens, sentences, mentions, dates, quantities, keys);
        return new ExtractionResult(document.Id, mentions, dates, quantities, claims);
    }

    /// <summary>
    /// Names the statistical tagger finds and the gazetteer and rules did not: added with lower
    /// confidence, under the gazetteer's canonical name when it knows the words, else as written.
    /// </summary>
    private IReadOnlyList<Mention> AddModelMentions(string documentId, string text, IReadOnlyList<Token> tokens, IReadOnlyList<SentenceSpan> sentences,
        IReadOnlyList<Mention> mentions, SequenceTagger model)
    {
        var added = new List<Mention>();
        var replaced = new List<Mention>();
        var t = 0;
        // A word model tags the sentence's tokens; a character model (Korean) its characters, spaces included.
        var characters = model.Mode == NerFeatures.FeatureSet.Characters;
        var units = new List<string[]>(sentences.Count);
        var firsts = new List<int>(sentences.Count);
        var spans = new List<SentenceSpan>(sentences.Count);
        foreach (var s in sentences)
        {
            while (t < tokens.Count && tokens[t].End <= s.Start) t++;
            var first = t;
            while (t < tokens.Count && tokens[t].Start < s.End) t++;
            if (t == first) continue;
            var u = new string[characters ? s.End - s.Start : t - first];
            for (var i = 0; i < u.Length; i++)
                u[i] = characters ? (char.IsWhiteSpace(text[s.Start + i]) ? "_" : text[s.Start + i].ToString()) : tokens[first + i].TextOf(text);
            units.Add(u); firsts.Add(first); spans.Add(s);
        }
        // The whole document at once: a model that reads document context sees the other sentences.
        var tagged = model.PredictDocument(units, Gazetteer);
        for (var k = 0; k < units.Count; k++)
        {
            var s = spans[k]; var first = firsts[k];
            foreach (var (type, a, b) in NerLabels.Spans(tagged[k]))
            {
                // Character models also know dates, quantities and times (KLUE's DT, QT, TI): the date and quantity taggers own those.
                if (type is not ("PER" or "LOC" or "ORG" or "LOCORG")) continue;
                var span = characters ? new Span(documentId, s.Start + a, s.Start + b + 1) : new Span(documentId, tokens[first + a].Start, tokens[first + b].End);
                if (added.Any(m => m.Span.Overlaps(span))) continue;
                var schema = NerLabels.SchemaOf(type);
                var overlapping = mentions.Where(m => m.Span.Overlaps(span)).ToList();
                // The rules' mentions stand, except a lone city name that the tagger reads as the first name of a person
                // ("블라디미르 푸틴", "Paris Hilton"): the gazetteer only knew the word, the tagger saw the name it starts.
                if (overlapping.Count > 0 && !(schema == EntitySchema.Person && overlapping.All(m => IsLoneCityInside(text, m, span)))) continue;
                var surface = text[span.Start..span.End];
                // A single Russian word the dictionary knows only as an adjective ("Южнокорейская") points at a country but names nothing itself.
                if (!characters && a == b && surface.Any(NameKeys.IsCyrillic) && OpenCorporaLexicon.Installed is { } russian && IsOnlyAdjective(russian, surface)) continue;
                replaced.AddRange(overlapping);
                var key = string.Join(' ', NameKeys.ForName(surface));
                var known = Gazetteer.TryGet(key, out var e);
                var name = known ? e.Name : string.Join(' ', surface.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                // Russian names are declined: the nominative lets "Путина" and "Путину" name one entity.
                if (!known && surface.Any(NameKeys.IsCyrillic) && OpenCorporaLexicon.Installed is { } lexicon) name = RussianNameForms.Nominative(name, schema, lexicon);
                added.Add(new Mention(span, surface, schema, name, 0.6));
            }
        }
        return added.Count == 0 ? mentions : mentions.Except(replaced).Concat(added).OrderBy(m => m.Span.Start).ToList();
    }

    /// <summary>
    /// Whether the mention is one word that the gazetteer knows only as a GeoNames city and that starts
    /// <paramref name="span"/>, a name of two or three words: a first name, then the surname.
    /// </summary>
    private bool IsLoneCityInside(string text, Mention mention, Span span)
    {
        if (mention.Schema != EntitySchema.Location || mention.Span.Start != span.Start || mention.Span.End >= span.End || mention.Text.Any(char.IsWhiteSpace)) return false;
        return text[span.Start..span.End].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length is 2 or 3
            && Gazetteer.TryGet(string.Join(' ', NameKeys.ForName(mention.Text)), out var entry) && entry.Source == GazetteerBuilder.CitySource;
    }

    private static bool IsOnlyAdjective(OpenCorporaLexicon lexicon, string word)
    {
        var parses = lexicon.Parse(word);
        return parses.Count > 0 && parses.All(p => p.PartOfSpeech is "ADJF" or "ADJS");
    }
}
