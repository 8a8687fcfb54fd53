using System.Text;

namespace Vigil.Text;

/// <summary>
/// Turns a personal or organisation name into comparable tokens: NFKC, transliteration to Latin,
/// diacritics removed, case folded, punctuation dropped. Apostrophes join (O'Neill → oneill,
/// Ch'oe → choe), other punctuation splits (Jong-un → jong un), and runs of single letters are
/// joined into one acronym token (U.S. → us, K O M I D → komid).
/// </summary>
public static class NameFolding
{
    /// <summary>Token lists for every Latin spelling of <paramref name="name"/> (one for Latin-script names).</summary>
    /// <param name="joinInitialisms">Join runs of single letters (U.S. → us, for organisations); person
    /// initials (J.-C. Juncker) stay separate so they can match given names.</param>
    public static IReadOnlyList<string[]> TokenVariants(string name, bool joinInitialisms = true)
    {
        var variants = Transliteration.ToLatinVariants(name);
        var result = new List<string[]>(variants.Count);
        foreach (var v in variants)
        {
            var tokens = Tokens(v, joinInitialisms);
            if (tokens.Length > 0 && !result.Any(r => r.AsSpan().SequenceEqual(tokens))) result.Add(tokens);
        }
        return result;
    }

    /// <summary>Tokens of an already Latin (ideally ASCII) name; any leftover non-ASCII letters are kept folded.</summary>
    public static string[] Tokens(string latin, bool joinInitialisms = true)
    {
        var tokens = new List<string>(6);
        var current = new StringBuilder(16);
        foreach (var raw in latin)
        {
            var c = raw;
            if (c is '\'' or '\u2019' or '\u02BC' or '\u2018' or '`' or '\u00B4') continue;
            if (char.IsLetterOrDigit(c))
            {
                if (c > 0x7F)
                {
                    // Rare: a letter ICU left alone. Strip its marks and keep it.
                    foreach (var d in c.ToString().Normalize(NormalizationForm.FormD))
                        if (char.IsLetterOrDigit(d)) current.Append(char.ToLowerInvariant(d));
                    continue;
                }
                current.Append(char.ToLowerInvariant(c));
            }
            else if (current.Length > 0) { tokens.Add(current.ToString()); current.Clear(); }
        }
        if (current.Length > 0) tokens.Add(current.ToString());
        return joinInitialisms ? JoinInitialisms(tokens) : [.. tokens];
    }

    private static string[] JoinInitialisms(List<string> tokens)
    {
        if (tokens.Count < 2) return [.. tokens];
        var result = new List<string>(tokens.Count);
        var i = 0;
        while (i < tokens.Count)
        {
            var j = i;
            while (j < tokens.Count && tokens[j].Length == 1 && char.IsLetter(tokens[j][0])) j++;
            if (j - i >= 2) { result.Add(string.Concat(tokens.Skip(i).Take(j - i))); i = j; }
            else { result.Add(tokens[i]); i++; }
        }
        return [.. result];
    }
}
