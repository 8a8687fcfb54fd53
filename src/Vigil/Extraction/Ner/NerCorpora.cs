using System.Globalization;
using Vigil.Text;

namespace Vigil.Extraction.Ner;

/// <summary>Readers for the shared NER sets, each into tokenised sentences with BIO tags over PER/LOC/ORG.</summary>
public static class NerCorpora
{
    /// <summary>CoNLL-style `token TAB tag` lines, a blank line between sentences (KIND / NERMuD).</summary>
    public static List<TaggedSentence> ReadConll(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"NER data file not found: {path}. Is ../shared/data/eval beside the repository?", path);
        var result = new List<TaggedSentence>();
        var words = new List<string>(); var tags = new List<string>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (line.Length == 0)
            {
                if (words.Count > 0) result.Add(new TaggedSentence(words.ToArray(), tags.ToArray()));
                words.Clear(); tags.Clear();
                continue;
            }
            var tab = line.LastIndexOf('\t');
            if (tab <= 0) throw new InvalidDataException($"{path}:{lineNo}: expected 'token<TAB>tag'.");
            words.Add(line[..tab]);
            tags.Add(line[(tab + 1)..]);
        }
        if (words.Count > 0) result.Add(new TaggedSentence(words.ToArray(), tags.ToArray()));
        return result;
    }

    /// <summary>
    /// factRuEval-2016 documents (.txt, .tokens, .spans, .objects): one sentence per split of the
    /// text, tokens as the set gives them; an object (mention) covers its spans' tokens from the first
    /// to the last. Person → PER, Org → ORG, Location and LocOrg → LOC; Project and Facility are left out.
    /// Overlapping mentions keep the longest.
    /// </summary>
    public static List<TaggedSentence> ReadFactRu(string dir)
    {
        if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"factRuEval folder not found: {dir}.");
        var result = new List<TaggedSentence>();
        foreach (var txt in Directory.GetFiles(dir, "*.txt").Order(StringComparer.Ordinal))
        {
            var stem = txt[..^4];
            if (!File.Exists(stem + ".tokens") || !File.Exists(stem + ".objects")) continue;
            var text = File.ReadAllText(txt);
            var tokens = new List<(long Id, int Start, int Length, string Text)>();
            foreach (var line in File.ReadLines(stem + ".tokens"))
            {
                var p = line.Split(' ', 4);
                if (p.Length < 4) continue;
                tokens.Add((long.Parse(p[0], CultureInfo.InvariantCulture), int.Parse(p[1], CultureInfo.InvariantCulture), int.Parse(p[2], CultureInfo.InvariantCulture), p[3]));
            }
            var tokenIndex = new Dictionary<long, int>();
            for (var i = 0; i < tokens.Count; i++) tokenIndex[tokens[i].Id] = i;
            var spanTokens = new Dictionary<long, (int First, int Last)>();
            foreach (var line in File.ReadLines(stem + ".spans"))
            {
                var hash = line.IndexOf('#');
                var p = (hash >= 0 ? line[..hash] : line).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (p.Length < 6) continue;
                if (!tokenIndex.TryGetValue(long.Parse(p[4], CultureInfo.InvariantCulture), out var first)) continue;
                var count = int.Parse(p[5], CultureInfo.InvariantCulture);
                spanTokens[long.Parse(p[0], CultureInfo.InvariantCulture)] = (first, first + count - 1);
            }
            var mentions = new List<(string Type, int First, int Last)>();
            foreach (var line in File.ReadLines(stem + ".objects"))
            {
                var hash = line.IndexOf('#');
                var p = (hash >= 0 ? line[..hash] : line).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (p.Length < 3) continue;
                var type = p[1] switch { "Person" => "PER", "Org" => "ORG", "Location" or "LocOrg" => "LOC", _ => null };
                if (type is null) continue;
                int lo = int.MaxValue, hi = -1;
                foreach (var sid in p.Skip(2))
                    if (spanTokens.TryGetValue(long.Parse(sid, CultureInfo.InvariantCulture), out var st)) { lo = Math.Min(lo, st.First); hi = Math.Max(hi, st.Last); }
                if (hi >= 0) mentions.Add((type, lo, hi));
            }
            var tags = Enumerable.Repeat("O", tokens.Count).ToArray();
            foreach (var m in mentions.OrderByDescending(m => m.Last - m.First).ThenBy(m => m.First))
            {
                if (Enumerable.Range(m.First, m.Last - m.First + 1).Any(k => tags[k] != "O")) continue;
                for (var k = m.First; k <= m.Last; k++) tags[k] = (k == m.First ? "B-" : "I-") + m.Type;
            }
            // Sentences: the set's tokens grouped by Vigil's sentence splitter over the original text.
            var sentences = SentenceSplitter.Split(text);
            var s = 0; var current = new List<int>();
            for (var i = 0; i < tokens.Count; i++)
            {
                while (s < sentences.Count && tokens[i].Start >= sentences[s].End) { Flush(); s++; }
                current.Add(i);
            }
            Flush();

            void Flush()
            {
                if (current.Count == 0) return;
                // An entity split by a sentence boundary stays whole: carry on until it closes.
                result.Add(new TaggedSentence(current.Select(i => tokens[i].Text).ToArray(), current.Select(i => tags[i]).ToArray()));
                current.Clear();
            }
        }
        return result;
    }

    /// <summary>
    /// KLUE-NER: a `## id TAB sentence` header, then one character per line with its BIO tag.
    /// Returns character sequences (spaces included, as "_") with tags mapped PS→PER, LC→LOC, OG→ORG;
    /// DT, QT and TI are dropped to O unless <paramref name="keepAll"/>.
    /// </summary>
    public static List<TaggedSentence> ReadKlue(string path, bool keepAll = false)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"KLUE NER file not found: {path}.", path);
        var result = new List<TaggedSentence>();
        var chars = new List<string>(); var tags = new List<string>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("##", StringComparison.Ordinal)) continue;
            if (line.Length == 0)
            {
                if (chars.Count > 0) result.Add(new TaggedSentence(chars.ToArray(), tags.ToArray()));
                chars.Clear(); tags.Clear();
                continue;
            }
            var tab = line.LastIndexOf('\t');
            if (tab < 0) continue;
            var ch = line[..tab];
            chars.Add(ch.Length == 0 || ch == " " ? "_" : ch);
            var tag = line[(tab + 1)..];
            if (tag != "O")
            {
                var type = tag[2..] switch { "PS" => "PER", "LC" => "LOC", "OG" => "ORG", var t => keepAll ? t : null };
                tag = type is null ? "O" : tag[..2] + type;
            }
            tags.Add(tag);
        }
        if (chars.Count > 0) result.Add(new TaggedSentence(chars.ToArray(), tags.ToArray()));
        return result;
    }
}
