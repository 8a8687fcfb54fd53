using Vigil.Model;
using Vigil.Text;

namespace Vigil.Extraction.Gazetteers;

/// <summary>One name a gazetteer knows: the canonical entity it stands for and where the name came from.</summary>
public sealed record GazetteerEntry(string Name, EntitySchema Schema, string Source, int Priority)
{
    /// <summary>Every surface token must be capitalised (person names), not only the first one.</summary>
    public bool AllCapitalised { get; init; }

    /// <summary>Only matched when the text writes it in capitals or a cue says what it is (vessel names such as "GRACEFUL").</summary>
    public bool NeedsCue { get; init; }

    /// <summary>How the text must write the name: capitalised (default), in capitals (acronyms), or any case.</summary>
    public CaseRule Case { get; init; }

    /// <summary>
    /// The one-word name as written with the accents its key folds away ("Côme", the French Como), else null: at the start of a
    /// sentence, where capitals say nothing, only that spelling is taken for the name and not the plain word ("Come noto").
    /// </summary>
    public string? AccentedSurface { get; init; }
}

public enum CaseRule { Capitalised, AllCaps, AnyCase }

/// <summary>
/// Multi-word name lookup over token keys (see <see cref="NameKeys"/>): "Consiglio di sicurezza
/// dell’ONU", "Kim Jong-un", "России" all reduce to keys that the names were stored under.
/// When two sources give the same key, the higher <see cref="GazetteerEntry.Priority"/> wins.
/// </summary>
public sealed class Gazetteer
{
    private readonly Dictionary<string, GazetteerEntry> _entries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _prefixes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _surnames = new(StringComparer.Ordinal);

    private readonly Dictionary<string, GazetteerEntry>.AlternateLookup<ReadOnlySpan<char>> _entriesBySpan;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _prefixesBySpan;

    public Gazetteer()
    {
        _entriesBySpan = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
        _prefixesBySpan = _prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _entries.Count;

    /// <summary>Given-name keys of listed persons: a capitalised pair that starts with one is probably a person.</summary>
    public HashSet<string> GivenNames { get; } = new(StringComparer.Ordinal);
    public int MaxTokens { get; private set; }

    /// <summary>Person surname key → canonical names of list persons with that surname.</summary>
    public IReadOnlyDictionary<string, List<string>> Surnames => _surnames;

    public void Add(string surface, GazetteerEntry entry)
    {
        var keys = NameKeys.ForName(surface);
        if (keys.Count == 0) return;
        var key = string.Join(' ', keys);
        if (entry.Case == CaseRule.Capitalised)
        {
            var letters = surface.Where(char.IsLetter).ToList();
            if (letters.Count >= 2 && letters.All(char.IsUpper) && keys.Count == 1 && surface.Length <= 6) entry = entry with { Case = CaseRule.AllCaps };
            else if (letters.Count > 0 && char.IsLower(letters[0])) entry = entry with { Case = CaseRule.AnyCase };
        }
        entry = entry with { AccentedSurface = keys.Count == 1 && HasFoldedAccents(surface) ? surface.Trim() : null };
        if (_entries.TryGetValue(key, out var existing) && existing.Priority >= entry.Priority)
        {
            // Also written without accents under the same key: the plain spelling is the name's too.
            if (existing.Name == entry.Name && existing.AccentedSurface is not null && entry.AccentedSurface is null) _entries[key] = existing = existing with { AccentedSurface = null };
            // The same body written two ways ("TASS", "Tass"): the key accepts the more permissive case.
            if (existing.Name == entry.Name && entry.Case < existing.Case) _entries[key] = existing with { Case = entry.Case };
            else if (existing.Name == entry.Name && existing.Case == CaseRule.AllCaps && entry.Case != CaseRule.AllCaps) _entries[key] = existing with { Case = entry.Case };
            return;
        }
        _entries[key] = entry;
        MaxTokens = Math.Max(MaxTokens, keys.Count);
        var prefix = keys[0];
        _prefixes.Add(prefix);
        for (var i = 1; i < keys.Count; i++)
        {
            prefix += " " + keys[i];
            _prefixes.Add(prefix);
        }
    }

    /// <summary>True when the name has a Latin letter whose key loses its accent (ô → o); other scripts' letters are not looked at.</summary>
    private static bool HasFoldedAccents(string surface)
    {
        foreach (var c in surface)
            if (c is >= '\u00C0' and <= '\u024F' or >= '\u1E00' and <= '\u1EFF' && char.IsLetter(c)
                && Tokenizer.Normalize([c]) is var key && (key.Length != 1 || key[0] != char.ToLowerInvariant(c))) return true;
        return false;
    }

    /// <summary>Adds an already computed key (copying a shared base gazetteer).</summary>
    internal void AddKey(string key, GazetteerEntry entry)
    {
        _entries[key] = entry;
        var keys = key.Split(' ');
        MaxTokens = Math.Max(MaxTokens, keys.Length);
        var prefix = keys[0];
        _prefixes.Add(prefix);
        for (var i = 1; i < keys.Length; i++) { prefix += " " + keys[i]; _prefixes.Add(prefix); }
    }

    public void AddSurname(string surname, string canonical)
    {
        var keys = NameKeys.ForName(surname);
        if (keys.Count != 1) return;
        if (!_surnames.TryGetValue(keys[0], out var list)) _surnames[keys[0]] = list = [];
        if (!list.Contains(canonical)) list.Add(canonical);
    }

    public bool TryGet(string key, out GazetteerEntry entry) => _entries.TryGetValue(key, out entry!);

    /// <summary>As <see cref="TryGet(string, out GazetteerEntry)"/>, for a key assembled in a buffer (no string per lookup).</summary>
    public bool TryGet(ReadOnlySpan<char> key, out GazetteerEntry entry) =>
        _entriesBySpan.TryGetValue(key, out entry!);

    public bool IsPrefix(string key) => _prefixes.Contains(key);

    public bool IsPrefix(ReadOnlySpan<char> key) => _prefixesBySpan.Contains(key);

    public IEnumerable<KeyValuePair<string, GazetteerEntry>> Entries => _entries;
}

/// <summary>
/// Lookup keys for names: one key per word, case-folded and accent-free; Cyrillic words are
/// reduced to a stem so that inflected forms share a key (России, Россию, Россия → росс).
/// Hyphens and apostrophes between words count as spaces.
/// </summary>
public static class NameKeys
{
    public static List<string> ForName(string name)
    {
        var keys = new List<string>();
        foreach (var t in Tokenizer.Tokenize(name))
        {
            if (t.Kind is not (TokenKind.Word or TokenKind.Number)) continue;
            var k = ForToken(name.AsSpan(t.Start, t.Length));
            if (k.Length > 0) keys.Add(k);
        }
        return keys;
    }

    public static string ForToken(ReadOnlySpan<char> token) => ForKey(Tokenizer.Normalize(token));

    /// <summary>The name key of a word from its <see cref="Tokenizer.Normalize"/>d key.</summary>
    public static string ForKey(string normalized)
    {
        var n = normalized;
        // "dell’" and "l’" are elided articles: the key keeps the word only.
        if (n.Length > 0 && n[^1] == '\'') n = n[..^1];
        if (n.Length > 1 && n[0] == '\'') n = n[1..];
        if (n.Length > 3 && IsCyrillic(n[0])) n = RussianStem(n);
        return n;
    }

    public static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    private static readonly string[] RussianEndings =
    [
        "иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "овым", "евым", "овой", "евой", "ова", "ева", "ову", "еву",
        "ской", "ская", "ский", "ское", "скую", "ском", "ских", "ским",
        "ией", "ия", "ии", "ию", "ье", "ья", "ьи", "ью", "ей", "ой", "ою", "ею", "ом", "ем", "ам", "ям", "ах", "ях", "ов", "ев",
        "ая", "яя", "ую", "юю", "ый", "ий", "ое", "ее", "ые", "ие", "ых", "их", "ым", "им",
        "а", "я", "ы", "и", "у", "ю", "е", "о", "ь", "й",
    ];

    /// <summary>
    /// A light suffix-stripping stemmer for Russian names: consistent on both sides of a lookup,
    /// which is all a key needs ("Курской области" and "Курская область" share "курск област").
    /// </summary>
    public static string RussianStem(string word)
    {
        foreach (var e in RussianEndings)
        {
            if (word.Length - e.Length >= 3 && word.EndsWith(e, StringComparison.Ordinal))
            {
                // Adjectival "-ская/-ской" keep the "ск": Курская, Курской → курск.
                return e.StartsWith("ск", StringComparison.Ordinal) ? word[..^(e.Length - 2)] : word[..^e.Length];
            }
        }
        return word;
    }
}
