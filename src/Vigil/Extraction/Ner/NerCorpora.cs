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
    /// to the last. Person → PER, Org → ORG, Location → LOC, LocOrg → LOC or, with <paramref name="keepLocOrg"/>,
    /// LOCORG; Project and Facility are left out. Overlapping mentions keep the longest.
    /// </summary>
    public static List<TaggedSentence> ReadFactRu(string dir, bool keepLocOrg = false) => FactRuCorpus.Read(dir, keepLocOrg).SelectMany(d => d.Sentences).ToList();

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
