using System.Globalization;
using Vigil.Text;

namespace Vigil.Extraction.Ner;

/// <summary>One token of a factRuEval-2016 document as its .tokens layer gives it: character offset, length, text.</summary>
public readonly record struct FactRuToken(int Start, int Length, string Text)
{
    /// <summary>The offset of the token's last character (inclusive, as the set's intervals are).</summary>
    public int Last => Start + Length - 1;

    /// <summary>A single character that is not a letter: punctuation, a digit, a symbol.</summary>
    public bool IsPunctuation => Length == 1 && !char.IsLetter(Text[0]);
}

/// <summary>
/// An annotated object of a factRuEval-2016 document (.objects), as track 1 scores it: its type
/// (per, org, loc, locorg, project) and the tokens of its spans, each with a weight: 1 where a
/// name span covers it (name, surname, patronymic, nickname for a person; org_name, loc_name for
/// the others), 0 where only a descriptor, job title or geographic adjective does.
/// </summary>
public sealed record FactRuMention(string Id, string Type, IReadOnlyDictionary<int, double> Weights);

/// <summary>
/// A factRuEval-2016 document: its tokens, its annotated objects, and the sentences the tagger
/// reads (with, for each sentence, the indices of its tokens in <see cref="Tokens"/>).
/// <see cref="MentionsLoaded"/> is false when the .objects file holds a type the organisers'
/// comparator does not know (Facility): that comparator then scores the document with no
/// annotated objects at all, and <see cref="Mentions"/> is empty here too.
/// </summary>
public sealed record FactRuDocument(
    string Name,
    IReadOnlyList<FactRuToken> Tokens,
    IReadOnlyList<FactRuMention> Mentions,
    bool MentionsLoaded,
    IReadOnlyList<TaggedSentence> Sentences,
    IReadOnlyList<int[]> SentenceTokens)
{
    /// <summary>
    /// The comparator leaves a one-character non-letter token out of every mention when it touches
    /// a neighbouring token (a comma or quote glued to a word).
    /// </summary>
    public bool IsIgnored(int i)
    {
        var t = Tokens[i];
        if (t.Length != 1 || char.IsLetter(t.Text[0])) return false;
        return (i > 0 && t.Start - Tokens[i - 1].Last == 1) || (i + 1 < Tokens.Count && Tokens[i + 1].Start - t.Last == 1);
    }
}

/// <summary>Reads factRuEval-2016 folders (.txt, .tokens, .spans, .objects) into <see cref="FactRuDocument"/>s.</summary>
public static class FactRuCorpus
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["Person"] = "per", ["Organization"] = "org", ["Org"] = "org", ["LocOrg"] = "locorg", ["Location"] = "loc", ["Project"] = "project",
    };

    private static readonly Dictionary<string, HashSet<string>> NameSpans = new(StringComparer.Ordinal)
    {
        ["per"] = new(StringComparer.Ordinal) { "none", "name", "patronymic", "nickname", "surname" },
        ["org"] = new(StringComparer.Ordinal) { "none", "loc_name", "org_name" },
        ["loc"] = new(StringComparer.Ordinal) { "none", "loc_name", "org_name" },
        ["locorg"] = new(StringComparer.Ordinal) { "none", "loc_name", "org_name" },
    };

    /// <param name="keepLocOrg">Tag LocOrg objects LOCORG for the tagger; otherwise they are LOC.</param>
    public static List<FactRuDocument> Read(string dir, bool keepLocOrg = false)
    {
        if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"factRuEval folder not found: {dir}. Is ../shared/data/eval beside the repository?");
        var result = new List<FactRuDocument>();
        foreach (var txt in Directory.GetFiles(dir, "*.txt").Order(StringComparer.Ordinal))
        {
            var stem = txt[..^4];
            if (!File.Exists(stem + ".tokens") || !File.Exists(stem + ".objects") || !File.Exists(stem + ".spans")) continue;
            result.Add(ReadDocument(stem, keepLocOrg));
        }
        return result;
    }

    private static long Id(string s) => long.Parse(s, CultureInfo.InvariantCulture);

    private static FactRuDocument ReadDocument(string stem, bool keepLocOrg)
    {
        var text = File.ReadAllText(stem + ".txt");
        var tokens = new List<FactRuToken>();
        var ids = new List<long>();
        foreach (var line in File.ReadLines(stem + ".tokens"))
        {
            var p = line.Split(' ', 4);
            if (p.Length < 4) continue;
            ids.Add(Id(p[0]));
            tokens.Add(new FactRuToken(int.Parse(p[1], CultureInfo.InvariantCulture), int.Parse(p[2], CultureInfo.InvariantCulture), p[3]));
        }
        // The layers refer to tokens by id; keep them in text order.
        var order = Enumerable.Range(0, tokens.Count).OrderBy(i => tokens[i].Start).ToArray();
        tokens = order.Select(i => tokens[i]).ToList();
        var tokenIndex = new Dictionary<long, int>();
        for (var i = 0; i < order.Length; i++) tokenIndex[ids[order[i]]] = i;

        // Span: "<id> <tag> <start> <nchars> <first token> <ntokens>  # <token ids...> <token texts...>"
        var spans = new Dictionary<long, (string Tag, int[] Tokens, int First, int Last)>();
        foreach (var line in File.ReadLines(stem + ".spans"))
        {
            var hash = line.IndexOf('#');
            if (hash < 0) continue;
            var left = line[..hash].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (left.Length < 6 || !tokenIndex.TryGetValue(Id(left[4]), out var first)) continue;
            var count = int.Parse(left[5], CultureInfo.InvariantCulture);
            var right = line[(hash + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var spanTokens = right.Take(count).Select(r => tokenIndex.TryGetValue(Id(r), out var k) ? k : -1).Where(k => k >= 0).ToArray();
            spans[Id(left[0])] = (left[1], spanTokens, first, first + count - 1);
        }

        var objects = new List<(string Id, string Type, (string Tag, int[] Tokens, int First, int Last)[] Spans)>();
        foreach (var line in File.ReadLines(stem + ".objects"))
        {
            var hash = line.IndexOf('#');
            var p = (hash >= 0 ? line[..hash] : line).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (p.Length < 3) continue;
            objects.Add((p[0], p[1], p.Skip(2).Where(sid => spans.ContainsKey(Id(sid))).Select(sid => spans[Id(sid)]).ToArray()));
        }

        var mentions = new List<FactRuMention>();
        foreach (var (id, rawType, objectSpans) in objects)
        {
            if (!Types.TryGetValue(rawType, out var type)) continue;
            var weights = new Dictionary<int, double>();
            foreach (var span in objectSpans)
            {
                var weight = NameSpans.TryGetValue(type, out var names) && names.Contains(span.Tag) ? 1.0 : 0.0;
                foreach (var k in span.Tokens) weights[k] = Math.Max(weights.GetValueOrDefault(k), weight);
            }
            if (weights.Count > 0) mentions.Add(new FactRuMention(id, type, weights));
        }
        var loaded = objects.All(o => Types.ContainsKey(o.Type));
        if (!loaded) mentions.Clear();

        var (sentences, sentenceTokens) = Sentences(text, tokens, objects.Select(o => (o.Type, o.Spans.Select(x => (x.First, x.Last)).ToArray())), keepLocOrg);
        return new FactRuDocument(Path.GetFileName(stem), tokens, mentions, loaded, sentences, sentenceTokens);
    }

    /// <summary>
    /// The tagger's view: tokens grouped by Vigil's sentence splitter, with BIO tags over PER, ORG,
    /// LOC and LOCORG (a place named as a political actor: "Россия заявила"), or LOC for both; an object covers its spans' tokens from the first to the last, and of
    /// overlapping objects the longest is kept. Project and Facility are left out.
    /// </summary>
    private static (List<TaggedSentence>, List<int[]>) Sentences(string text, List<FactRuToken> tokens, IEnumerable<(string Type, (int First, int Last)[] Spans)> objects, bool keepLocOrg)
    {
        var tags = Enumerable.Repeat("O", tokens.Count).ToArray();
        var mentions = new List<(string Type, int First, int Last)>();
        foreach (var (rawType, objectSpans) in objects)
        {
            var type = rawType switch { "Person" => "PER", "Org" => "ORG", "Location" => "LOC", "LocOrg" => keepLocOrg ? "LOCORG" : "LOC", _ => null };
            if (type is null || objectSpans.Length == 0) continue;
            mentions.Add((type, objectSpans.Min(x => x.First), objectSpans.Max(x => x.Last)));
        }
        foreach (var m in mentions.OrderByDescending(m => m.Last - m.First).ThenBy(m => m.First))
        {
            if (Enumerable.Range(m.First, m.Last - m.First + 1).Any(k => tags[k] != "O")) continue;
            for (var k = m.First; k <= m.Last; k++) tags[k] = (k == m.First ? "B-" : "I-") + m.Type;
        }
        var sentences = new List<TaggedSentence>();
        var indices = new List<int[]>();
        var bounds = SentenceSplitter.Split(text);
        var s = 0; var current = new List<int>();
        for (var i = 0; i < tokens.Count; i++)
        {
            while (s < bounds.Count && tokens[i].Start >= bounds[s].End) { Flush(); s++; }
            current.Add(i);
        }
        Flush();
        return (sentences, indices);

        void Flush()
        {
            if (current.Count == 0) return;
            sentences.Add(new TaggedSentence(current.Select(i => tokens[i].Text).ToArray(), current.Select(i => tags[i]).ToArray()));
            indices.Add(current.ToArray());
            current.Clear();
        }
    }
}
