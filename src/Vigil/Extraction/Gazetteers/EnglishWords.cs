namespace Vigil.Extraction.Gazetteers;

/// <summary>
/// The words of hunspell's American English dictionary (Debian package hunspell-en-us), which English name rules read
/// to tell a capitalised name from a capitalised common word: "Wirecard" and "Kolomoisky" are in it in no form,
/// "Western" and "Bank" are common words, "Moscow", "John" and "Azerbaijani" are proper nouns or demonyms only.
/// The dictionary lists stems with affix flags ("on/Y" stands for "on" and "only"); the forms are made here from the
/// prefix and suffix rules of en_US.aff (compounding rules are not read). Look-ups take spans and allocate nothing.
/// </summary>
public sealed class EnglishWords
{
    public const string DictionaryPath = "/usr/share/hunspell/en_US.dic";

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _common;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _proper;

    /// <summary>The installed dictionary, read once; null when hunspell-en-us is not installed (scripts/setup-machine.sh installs it).</summary>
    public static EnglishWords? Installed => LazyInstalled.Value;

    private static readonly Lazy<EnglishWords?> LazyInstalled = new(() => File.Exists(DictionaryPath)
            ? new EnglishWords(File.ReadLines(DictionaryPath).Skip(1), File.ReadLines(Path.ChangeExtension(DictionaryPath, ".aff")))
            : null,
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>One affix rule: strip this from the stem's end (suffix) or start (prefix), add that, when the stem matches the condition.</summary>
    private sealed record Affix(bool Prefix, bool Combines, string Strip, string Add, System.Text.RegularExpressions.Regex? Condition)
    {
        public string? Apply(string stem)
        {
            if (Condition is not null && !Condition.IsMatch(stem)) return null;
            if (Prefix) return stem.StartsWith(Strip, StringComparison.Ordinal) ? Add + stem[Strip.Length..] : null;
            return stem.EndsWith(Strip, StringComparison.Ordinal) ? stem[..^Strip.Length] + Add : null;
        }
    }

    /// <param name="entries">Dictionary lines ("bank/SZGBMDR", "Moscow/M"); the count line that starts a .dic file excluded.</param>
    /// <param name="affixLines">The .aff file's lines: its PFX and SFX rules make the forms the flags stand for.</param>
    public EnglishWords(IEnumerable<string> entries, IEnumerable<string> affixLines)
    {
        var affixes = ReadAffixes(affixLines);
        var common = new HashSet<string>(StringComparer.Ordinal);
        var proper = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in entries)
        {
            var slash = line.IndexOf('/');
            var stem = (slash < 0 ? line : line[..slash]).Trim();
            if (stem.Length == 0) continue;
            var flags = slash < 0 ? "" : line[(slash + 1)..].Trim();
            var target = char.IsUpper(stem[0]) ? proper : common;
            foreach (var form in Forms(stem, flags, affixes)) target.Add(form.ToLowerInvariant());
        }
        _common = common.GetAlternateLookup<ReadOnlySpan<char>>();
        _proper = proper.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The stem and every form its flags make: each suffix, each prefix, and each prefix on a suffixed form where both allow it.</summary>
    private static IEnumerable<string> Forms(string stem, string flags, Dictionary<char, List<Affix>> affixes)
    {
        yield return stem;
        var suffixed = new List<string>();
        foreach (var flag in flags)
        {
            if (!affixes.TryGetValue(flag, out var rules)) continue;
            foreach (var rule in rules.Where(r => !r.Prefix))
                if (rule.Apply(stem) is { } form) { yield return form; if (rule.Combines) suffixed.Add(form); }
        }
        foreach (var flag in flags)
        {
            if (!affixes.TryGetValue(flag, out var rules)) continue;
            foreach (var rule in rules.Where(r => r.Prefix))
            {
                if (rule.Apply(stem) is { } form) yield return form;
                if (rule.Combines)
                    foreach (var s in suffixed)
                        if (rule.Apply(s) is { } both) yield return both;
            }
        }
    }

    private static Dictionary<char, List<Affix>> ReadAffixes(IEnumerable<string> lines)
    {
        var affixes = new Dictionary<char, List<Affix>>();
        var combines = new Dictionary<char, bool>();
        foreach (var line in lines)
        {
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 4 || parts[0] is not ("PFX" or "SFX") || parts[1].Length != 1) continue;
            var flag = parts[1][0];
            // The header ("SFX Y Y 1") says whether the flag combines with affixes of the other kind; the rules follow ("SFX Y 0 ly .").
            if (!combines.ContainsKey(flag)) { combines[flag] = parts[2] == "Y"; continue; }
            if (parts.Length < 5) continue;
            var strip = parts[2] == "0" ? "" : parts[2];
            var add = parts[3] == "0" ? "" : parts[3].Split('/')[0];
            var condition = parts[4] == "." ? null
                : new System.Text.RegularExpressions.Regex(parts[0] == "PFX" ? "^" + parts[4] : parts[4] + "$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
            if (!affixes.TryGetValue(flag, out var list)) affixes[flag] = list = [];
            list.Add(new Affix(parts[0] == "PFX", combines[flag], strip, add, condition));
        }
        return affixes;
    }

    /// <summary>Whether the word (any case) is listed in lower case, in any of its forms ("linked", "only"): a common word.</summary>
    public bool IsCommon(ReadOnlySpan<char> word)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        var lower = Lower(word, buffer);
        return !lower.IsEmpty && _common.Contains(lower);
    }

    /// <summary>Whether the word is listed at all, as a common word or capitalised (a proper noun, a demonym).</summary>
    public bool IsListed(ReadOnlySpan<char> word)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        var lower = Lower(word, buffer);
        return !lower.IsEmpty && (_common.Contains(lower) || _proper.Contains(lower));
    }

    private const int MaxLength = 40;

    /// <summary>The word in lower case with a typographic apostrophe made plain, in <paramref name="buffer"/>; empty when it is too long to be listed.</summary>
    private static ReadOnlySpan<char> Lower(ReadOnlySpan<char> word, Span<char> buffer)
    {
        if (word.Length == 0 || word.Length > MaxLength) return [];
        var lower = buffer[..word.Length];
        word.ToLowerInvariant(lower);
        lower.Replace('’', '\'');
        return lower;
    }
}
