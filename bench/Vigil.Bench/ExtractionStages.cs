using Vigil.Evaluation;
using Vigil.Extraction;
using Vigil.Extraction.Gazetteers;
using Vigil.Ingest;
using Vigil.Model;
using Vigil.Screening;
using Vigil.Text;

namespace Vigil.Bench;

/// <summary>
/// Where extraction's CPU time and allocations go, step by step, on the benchmark pages as ingest
/// reads them, measured with the calling thread's CPU clock and allocation counter. Each step runs
/// over every document before the next starts; inputs of a step are prepared untimed.
/// </summary>
public sealed class ExtractionStages : IBench
{
    public string Name => "extraction-steps";
    public string Description => "extraction's CPU and allocations per step (tokenise, sentences, entities, keys, vessels, dates, quantities, claims) on the benchmark pages as ingested (args: R rounds, default 5)";

    public int Run(string[] args)
    {
        var rounds = args.Length > 0 && int.TryParse(args[0], out var parsed) ? parsed : 5;
        var listsDir = ListSources.ResolveDirectory(null);
        var gazetteer = GazetteerBuilder.Build(listsDir is null ? [] : ListLoader.Load(listsDir).Entries);
        var recognizer = new EntityRecognizer(gazetteer);
        var extractor = new Extractor(gazetteer);
        var reader = new ContentReader();
        var docs = ArticleBenchmark.Load(SharedData.FindRoot()).Pages
            .Select(p => reader.Read(System.Text.Encoding.UTF8.GetBytes(p.Html), p.Id + ".html").Document)
            .OfType<Document>().ToList();
        foreach (var d in docs) extractor.Extract(d);

        var n = docs.Count;
        var tokens = docs.Select(d => Tokenizer.Tokenize(d.Text)).ToArray();
        var sentences = docs.Select(d => SentenceSplitter.Split(d.Text)).ToArray();
        var keys = docs.Select((d, i) => Tokenizer.Keys(d.Text, tokens[i])).ToArray();
        var mentions = docs.Select((d, i) => recognizer.Recognize(d.Id, d.Text, tokens[i], sentences[i], d.Lang, keys[i])).ToArray();
        var dates = docs.Select((d, i) => TemporalTagger.Tag(d.Id, d.Text, tokens[i], d.Published, keys[i])).ToArray();
        var quantities = docs.Select((d, i) => QuantityTagger.Tag(d.Id, d.Text, tokens[i], dates[i], keys[i])).ToArray();

        var table = new StepTable(n, rounds);
        table.Step("tokenise", i => Tokenizer.Tokenize(docs[i].Text));
        table.Step("split sentences", i => SentenceSplitter.Split(docs[i].Text));
        table.Step("token keys (normalised once per document)", i => Tokenizer.Keys(docs[i].Text, tokens[i]));
        table.Step("entities (gazetteer, rules, short names)", i => recognizer.Recognize(docs[i].Id, docs[i].Text, tokens[i], sentences[i], docs[i].Lang, keys[i]));
        table.Step("vessels", i => VesselRecognizer.Recognize(docs[i].Id, docs[i].Text, tokens[i], sentences[i], mentions[i], keys[i]));
        table.Step("dates", i => TemporalTagger.Tag(docs[i].Id, docs[i].Text, tokens[i], docs[i].Published, keys[i]));
        table.Step("quantities", i => QuantityTagger.Tag(docs[i].Id, docs[i].Text, tokens[i], dates[i], keys[i]));
        table.Step("claims", i => ClaimExtractor.Extract(docs[i], tokens[i], sentences[i], mentions[i], dates[i], quantities[i], keys[i]));
        table.Step("whole Extractor.Extract", i => extractor.Extract(docs[i]));
        // The Italian statistical tagger when `vigil train ner-it` has cached it, on every page's sentences whatever their language.
        if (Vigil.Extraction.Ner.NerModels.TryLoad("ner-it") is { } tagger)
        {
            var words = docs.Select((d, i) => sentences[i]
                .Select(s => tokens[i].Where(t => t.Start >= s.Start && t.End <= s.End).Select(t => t.TextOf(d.Text)).ToArray())
                .Where(s => s.Length > 0).ToArray()).ToArray();
            table.Step("statistical NER, two stages (ner-it, cached)", i => tagger.PredictDocument(words[i], gazetteer));
        }
        BenchTable.Print($"extraction steps: CPU of one thread per document over {n} benchmark pages x {rounds} (average {docs.Average(d => d.Text.Length):F0} characters, {tokens.Average(t => t.Count):F0} tokens)",
            ["step", "CPU ms/document", "allocated KB/document"], table.Rows);
        return 0;
    }
}
