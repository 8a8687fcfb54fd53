using System.Diagnostics;
using Sylvan.Data.Csv;
using Vigil.Evaluation;
using Vigil.Model;
using Vigil.Screening;
using Vigil.Text;

namespace Vigil.Extraction.Evaluation;

/// <summary>
/// English names in investigative journalism. The shared data hold no English NER set; StoryWeb's tagged sentences
/// (OCCRP, amaBhungane and other newsrooms) name, for each sentence, the two entities a user linked in it. Those names
/// say what recall the extractor has on English news (any type), not precision: most sentences name more entities than
/// the two labelled. Sentences are split by a hash of their text into a development half, which the English rules may
/// be tuned on, and a test half, which is what the table reports.
/// </summary>
public sealed class NerEnglishSuite : IEvalSuite
{
    public string Name => "ner-en";
    public string Description => "English names (recall, any type) in StoryWeb's investigative-journalism sentences; test half of a hash split";

    /// <summary>
    /// One sentence with the character spans of the names labelled in it, and of those its links say are people: the first
    /// party of a MANAGER, EMPLOYEE or FAMILY link ("Igor Sechin" of Rosneft, "Ilham Aliyev" of Heydar Aliyev).
    /// </summary>
    public sealed record LabelledSentence(string Text, IReadOnlyList<(int Start, int End)> Names, IReadOnlyList<(int Start, int End)> People)
    {
        public bool IsTest => Convert.ToInt32(Ids.Hash(Text)[..2], 16) % 2 == 0;
    }

    public static string DataFile(string shared) =>
        Path.Combine(shared, "data", "eval", "storyweb_relation_sentences", "tagged_sentences_20230203.csv");

    /// <summary>The sentences, each once, with every labelled name found in its text (first occurrence; names the text does not contain are left out).</summary>
    public static List<LabelledSentence> Read(string path, out int namesNotInText)
    {
        var names = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var people = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        using (var csv = CsvDataReader.Create(path))
        {
            while (csv.Read())
            {
                var text = csv.GetString(0).Trim();
                if (!names.TryGetValue(text, out var set)) names[text] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(csv.GetString(1).Trim());
                set.Add(csv.GetString(2).Trim());
                if (csv.GetString(3) is "MANAGER" or "EMPLOYEE" or "FAMILY")
                    (people.TryGetValue(text, out var p) ? p : people[text] = new HashSet<string>(StringComparer.Ordinal)).Add(csv.GetString(1).Trim());
            }
        }
        namesNotInText = 0;
        var result = new List<LabelledSentence>(names.Count);
        foreach (var (text, labels) in names)
        {
            var spans = new List<(int, int)>();
            var persons = new List<(int, int)>();
            foreach (var label in labels.Where(l => l.Length > 0))
            {
                var at = text.IndexOf(label, StringComparison.Ordinal);
                if (at < 0) { namesNotInText++; continue; }
                spans.Add((at, at + label.Length));
                if (people.TryGetValue(text, out var p) && p.Contains(label)) persons.Add((at, at + label.Length));
            }
            if (spans.Count > 0) result.Add(new LabelledSentence(text, spans.Distinct().ToList(), persons.Distinct().ToList()));
        }
        return result;
    }

    public EvalReport Run(EvalContext context)
    {
        var sentences = Read(DataFile(context.SharedRoot), out var notInText);
        var test = sentences.Where(s => s.IsTest).ToList();
        var development = sentences.Where(s => !s.IsTest).ToList();
        // The extractor as the pipeline runs it: its gazetteer also knows the names on the sanctions lists.
        var extractor = new Extractor(ListLoader.Load(Path.Combine(context.SharedRoot, "data", "sanctions")).Entries);
        IReadOnlyList<Found> Extract(string text) =>
            extractor.Extract(new Document("s", "storyweb", text, Ids.Hash(text), Lang: "en")).Mentions.Select(m => new Found(m.Span.Start, m.Span.End, m.Schema)).ToList();
        var systems = new (string Name, Func<string, IReadOnlyList<Found>> Find)[]
        {
            ("Vigil extractor (gazetteers with the lists, rules; no English model)", Extract),
            ("baseline: every run of capitalised words not opening the sentence", CapitalisedRuns),
        };
        var scores = new List<EvalScore>();
        foreach (var (name, find) in systems)
        {
            var sw = Stopwatch.StartNew();
            var onTest = RecallScore.Of(test, find);
            sw.Stop();
            var onDevelopment = RecallScore.Of(development, find);
            var extra = new Dictionary<string, double>
            {
                ["recall, overlapping mention"] = Math.Round(onTest.OverlapRecall, 4),
                ["mentions per sentence"] = Math.Round(onTest.MentionsPerSentence, 2),
                ["development half: exact recall"] = Math.Round(onDevelopment.ExactRecall, 4),
                ["development half: overlap recall"] = Math.Round(onDevelopment.OverlapRecall, 4),
            };
            if (onTest.PeopleFound > 0)
            {
                extra["people typed Person (of those found)"] = Math.Round(onTest.PeopleTyped, 4);
                extra["development half: people typed Person"] = Math.Round(onDevelopment.PeopleTyped, 4);
            }
            scores.Add(new EvalScore(name, onTest.LabelledShare, onTest.ExactRecall, onTest.F1, onTest.Names, sw.Elapsed, extra));
        }
        return new EvalReport(Name, $"StoryWeb tagged sentences 2023-02-03: {test.Count} test sentences ({scores[0].Support} names) of {sentences.Count}", scores,
        [
            "Recall is the share of labelled names that a mention covers exactly (same characters, any type); 'overlapping' accepts a mention that overlaps the name.",
            "The precision column is a lower bound, not a precision: the share of mentions that overlap a labelled name. Each sentence labels only the pair of entities a StoryWeb user linked, so most right mentions are unlabelled; F1 is computed from that lower bound and is a lower bound too.",
            $"Labels are entity names as StoryWeb's users wrote them; {notInText} labels do not occur verbatim in their sentence and are left out. The sentences are evidence for a link, not a careful NER annotation: expect noise.",
            "'People typed Person': of the names a MANAGER, EMPLOYEE or FAMILY link makes a person (its first party) and a mention covers exactly, the share the extractor types Person; the only check of types this set allows.",
            "Split: a sentence is in the test half when the first byte of the SHA-256 of its text is even (about half); English rules are developed on the other half only.",
        ]);
    }

    /// <summary>A name a system found: where, and of what kind when it says.</summary>
    private readonly record struct Found(int Start, int End, EntitySchema? Schema);

    /// <summary>Maximal runs of capitalised words, without the sentence's first word.</summary>
    private static IReadOnlyList<Found> CapitalisedRuns(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var runs = new List<Found>();
        var i = 0;
        var first = true;
        while (i < tokens.Count)
        {
            var t = tokens[i];
            if (t.Kind != TokenKind.Word || !char.IsUpper(text[t.Start])) { first = first && t.Kind != TokenKind.Word; i++; continue; }
            var start = first ? i + 1 : i;
            first = false;
            var j = i;
            while (j + 1 < tokens.Count && tokens[j + 1].Kind == TokenKind.Word && char.IsUpper(text[tokens[j + 1].Start])) j++;
            if (start <= j) runs.Add(new Found(tokens[start].Start, tokens[j].End, null));
            i = j + 1;
        }
        return runs;
    }

    private sealed record RecallScore(int Names, double ExactRecall, double OverlapRecall, double LabelledShare, double MentionsPerSentence, int PeopleFound, double PeopleTyped)
    {
        public double F1 => LabelledShare + ExactRecall == 0 ? 0 : 2 * LabelledShare * ExactRecall / (LabelledShare + ExactRecall);

        public static RecallScore Of(IReadOnlyList<LabelledSentence> sentences, Func<string, IReadOnlyList<Found>> find)
        {
            int names = 0, exact = 0, overlap = 0, mentions = 0, labelledMentions = 0, peopleFound = 0, peopleTyped = 0;
            foreach (var s in sentences)
            {
                var found = find(s.Text);
                mentions += found.Count;
                labelledMentions += found.Count(m => s.Names.Any(n => m.Start < n.End && n.Start < m.End));
                foreach (var n in s.Names)
                {
                    names++;
                    if (found.Any(m => m.Start == n.Start && m.End == n.End)) exact++;
                    if (found.Any(m => m.Start < n.End && n.Start < m.End)) overlap++;
                }
                foreach (var p in s.People)
                {
                    var hit = found.FirstOrDefault(m => m.Start == p.Start && m.End == p.End);
                    if (hit.Schema is null) continue;
                    peopleFound++;
                    if (hit.Schema == EntitySchema.Person) peopleTyped++;
                }
            }
            return new RecallScore(names, (double)exact / Math.Max(1, names), (double)overlap / Math.Max(1, names),
                (double)labelledMentions / Math.Max(1, mentions), (double)mentions / Math.Max(1, sentences.Count), peopleFound, (double)peopleTyped / Math.Max(1, peopleFound));
        }
    }
}
