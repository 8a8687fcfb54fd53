namespace Vigil.Extraction.Gazetteers;

/// <summary>
/// The words of hunspell's American English dictionary (Debian package hunspell-en-us), which English name rules read
/// to tell a capitalised name from a capitalised common word: "Wirecard" and "Kolomoisky" are in it in no form,
/// "Western" and "Bank" are common words, "Moscow", "John" and "Azerbaijani" are proper nouns or demonyms only.
/// Only the stems are read (the affix flags after '/' are ignored): enough to know whether a word is listed.
/// </summary>
public sealed class EnglishWords
{
    public const string DictionaryPath = "/usr/share/hunspell/en_US.dic";

    private readonly HashSet<string> _common;
    private readonly HashSet<string> _proper;

    /// <summary>The installed dictionary, read once; null when hunspell-en-us is not installed (scripts/setup-machine.sh installs it).</summary>
    public static EnglishWords? Installed => LazyInstalled.Value;

    private static readonly Lazy<EnglishWords?> LazyInstalled = new(() => File.Exists(DictionaryPath) ? new EnglishWords(File.ReadLines(DictionaryPath).Skip(1)) : null,
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <param name="entries">Dictionary lines ("bank/SZGBMDR", "Moscow/M"); the count line that starts a .dic file excluded.</param>
    public EnglishWords(IEnumerable<string> entries)
    {
        _common = new HashSet<string>(StringComparer.Ordinal);
        _proper = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in entries)
        {
            var slash = line.IndexOf('/');
            var word = (slash < 0 ? line : line[..slash]).Trim();
            if (word.Length == 0) continue;
            if (char.IsUpper(word[0])) _proper.Add(word.ToLowerInvariant());
            else _common.Add(word);
        }
    }

    /// <summary>Whether the word (any case) is listed in lower case, or is an inflection of one ("linked", "helping"): a common word.</summary>
    public bool IsCommon(string word)
    {
        var lower = Lower(word);
        if (_common.Contains(lower) || (Plural(word) is { } one && _common.Contains(one))) return true;
        // The dictionary's affix rules (not read here) make the inflections; undo the regular ones.
        foreach (var (ending, replacements) in Inflections)
        {
            if (lower.Length <= ending.Length + 2 || !lower.EndsWith(ending, StringComparison.Ordinal)) continue;
            var stem = lower[..^ending.Length];
            foreach (var r in replacements)
                if (_common.Contains(stem + r)) return true;
            if (stem.Length > 2 && stem[^1] == stem[^2] && _common.Contains(stem[..^1])) return true; // "stopped" → stop
        }
        return false;
    }

    private static readonly (string Ending, string[] Replacements)[] Inflections =
    [
        ("ied", ["y"]), ("ies", ["y"]), ("ed", ["", "e"]), ("ing", ["", "e"]), ("es", [""]), ("er", ["", "e"]), ("ly", [""]),
    ];

    /// <summary>Whether the word is listed at all, as a common word or capitalised (a proper noun, a demonym).</summary>
    public bool IsListed(string word)
    {
        var lower = Lower(word);
        if (_common.Contains(lower) || _proper.Contains(lower)) return true;
        return Plural(word) is { } one && (_common.Contains(one) || _proper.Contains(one));
    }

    private static string Lower(string word) => word.ToLowerInvariant().Replace('’', '\'');

    // The dictionary lists stems; its affix rules (not read here) add the plural and possessive.
    private static string? Plural(string word)
    {
        var lower = Lower(word);
        if (lower.EndsWith("'s", StringComparison.Ordinal)) return lower[..^2];
        if (lower.Length > 3 && lower.EndsWith('s') && !lower.EndsWith("ss", StringComparison.Ordinal)) return lower[..^1];
        return null;
    }
}
