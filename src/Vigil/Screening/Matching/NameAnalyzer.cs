using Vigil.Text;

namespace Vigil.Screening.Matching;

/// <summary>A name ready for comparison: folded tokens, with legal forms replaced by one canonical token each.</summary>
internal sealed record AnalyzedName(string[] Tokens, bool[] IsLegalForm);

/// <summary>
/// Turns a name into the token lists the index and the comparer use: every Latin spelling
/// (<see cref="NameFolding"/>), leading titles dropped from person names (Mr, President, Sheikh),
/// and, for organisations, legal forms in any language rewritten to one canonical token
/// (Aktiengesellschaft → ag, ООО / Limited Liability Company → llc) from resources/names/legal_forms.tsv.
/// </summary>
internal static class NameAnalyzer
{
    private sealed record Tables(Dictionary<string, List<(string[] Phrase, string Canonical)>> LegalForms, HashSet<string> PersonPrefixes, Dictionary<string, string> Symbols, HashSet<string> LegalFormTokens);

    private static readonly Lazy<Tables> Data = new(Load);

    /// <summary>True when <paramref name="token"/> is the canonical token of a legal form (llc, jsc, ...).</summary>
    public static bool IsLegalFormToken(string token) => Data.Value.LegalFormTokens.Contains(token);

    /// <summary>The cross-language symbol of an organisation word (company/компания → co), or null.</summary>
    public static string? Symbol(string token) => Data.Value.Symbols.TryGetValue(token, out var s) ? s : null;

    public static IEnumerable<(string Token, string Symbol)> AllSymbols() =>
        Data.Value.Symbols.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value));

    public static IReadOnlyList<AnalyzedName> Analyze(string name, bool organisation)
    {
        var result = new List<AnalyzedName>(2);
        foreach (var tokens in NameFolding.TokenVariants(name, joinInitialisms: organisation))
        {
            AnalyzedName analyzed;
            if (organisation) analyzed = RewriteLegalForms(tokens);
            else
            {
                var kept = DropPrefixes(tokens);
                analyzed = new AnalyzedName(kept, new bool[kept.Length]);
            }
            if (analyzed.Tokens.Length > 0 && !result.Any(r => r.Tokens.AsSpan().SequenceEqual(analyzed.Tokens))) result.Add(analyzed);
        }
        return result;
    }

    private static string[] DropPrefixes(string[] tokens)
    {
        var prefixes = Data.Value.PersonPrefixes;
        var start = 0;
        while (start < tokens.Length - 1 && prefixes.Contains(tokens[start])) start++;
        return start == 0 ? tokens : tokens[start..];
    }

    private static AnalyzedName RewriteLegalForms(string[] tokens)
    {
        var forms = Data.Value.LegalForms;
        var outTokens = new List<string>(tokens.Length);
        var flags = new List<bool>(tokens.Length);
        var i = 0;
        while (i < tokens.Length)
        {
            var matched = false;
            if (forms.TryGetValue(tokens[i], out var phrases))
            {
                foreach (var (phrase, canonical) in phrases) // longest first
                {
                    if (i + phrase.Length > tokens.Length || !tokens.AsSpan(i, phrase.Length).SequenceEqual(phrase)) continue;
                    // A legal form is never the whole name: "AO" alone stays a name.
                    if (phrase.Length == tokens.Length) break;
                    outTokens.Add(canonical);
                    flags.Add(true);
                    i += phrase.Length;
                    matched = true;
                    break;
                }
            }
            if (matched) continue;
            outTokens.Add(tokens[i]);
            flags.Add(false);
            i++;
        }
        return new AnalyzedName([.. outTokens], [.. flags]);
    }

    private static Tables Load()
    {
        var forms = new Dictionary<string, List<(string[], string)>>(StringComparer.Ordinal);
        var legalTokens = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (canonical, alias) in ReadPairs("legal_forms.tsv"))
        {
            var canon = string.Concat(NameFolding.Tokens(canonical));
            legalTokens.Add(canon);
            foreach (var phrase in NameFolding.TokenVariants(alias))
            {
                if (phrase.Length == 0) continue;
                if (!forms.TryGetValue(phrase[0], out var list)) forms[phrase[0]] = list = [];
                if (!list.Any(p => p.Item1.AsSpan().SequenceEqual(phrase))) list.Add((phrase, canon));
            }
        }
        foreach (var list in forms.Values) list.Sort((a, b) => b.Item1.Length.CompareTo(a.Item1.Length));
        var symbols = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (symbol, alias) in ReadPairs("org_symbols.tsv"))
            foreach (var phrase in NameFolding.TokenVariants(alias))
                if (phrase.Length == 1) symbols.TryAdd(phrase[0], symbol);
        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(ResourceFile.Path("names", "person_prefixes.txt")))
        {
            if (line.StartsWith('#') || line.Trim().Length == 0) continue;
            foreach (var v in NameFolding.TokenVariants(line.Trim()))
                if (v.Length == 1) prefixes.Add(v[0]);
        }
        return new Tables(forms, prefixes, symbols, legalTokens);
    }

    private static IEnumerable<(string, string)> ReadPairs(string file)
    {
        foreach (var line in File.ReadLines(ResourceFile.Path("names", file)))
        {
            if (line.StartsWith('#') || line.Length == 0) continue;
            var tab = line.IndexOf('\t');
            if (tab <= 0) continue;
            yield return (line[..tab], line[(tab + 1)..]);
        }
    }
}
