namespace Vigil.Extraction.Gazetteers;

/// <summary>
/// The words of hunspell's American English dictionary (Debian package hunspell-en-us), which English name rules read
/// to tell a capitalised name from a capitalised common word: "Wirecard" and "Kolomoisky" are in it in no form,
/// "Western" and "Bank" are common words, "Moscow", "John" and "Azerbaijani" are proper nouns or demonyms only.
/// Only the stems are read (the affix flags after '/' are ignored), and the regular inflections are undone when a
/// word is looked up: enough to know whether a word is listed. Look-ups take spans and allocate nothing.
/// </summary>
public sealed class EnglishWords
{
    public const string DictionaryPath = "/usr/share/hunspell/en_US.dic";

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _common;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _proper;

    /// <summary>The installed dictionary, read once; null when hunspell-en-us is not installed (scripts/setup-machine.sh installs it).</summary>
    public static EnglishWords? Installed => LazyInstalled.Value;

    private static readonly Lazy<EnglishWords?> LazyInstalled = new(() => File.Exists(DictionaryPath) ? new EnglishWords(File.ReadLines(DictionaryPath).Skip(1)) : null,
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <param name="entries">Dictionary lines ("bank/SZGBMDR", "Moscow/M"); the count line that starts a .dic file excluded.</param>
    public EnglishWords(IEnumerable<string> entries)
    {
        var common = new HashSet<string>(StringComparer.Ordinal);
        var proper = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in entries)
        {
            var slash = line.IndexOf('/');
            var word = (slash < 0 ? line : line[..slash]).Trim();
            if (word.Length == 0) continue;
            if (char.IsUpper(word[0])) proper.Add(word.ToLowerInvariant());
            else common.Add(word);
        }
        _common = common.GetAlternateLookup<ReadOnlySpan<char>>();
        _proper = proper.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Whether the word (any case) is listed in lower case, or is an inflection of one ("linked", "helping"): a common word.</summary>
    public bool IsCommon(ReadOnlySpan<char> word)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        var lower = Lower(word, buffer);
        if (lower.IsEmpty) return false;
        var one = Singular(lower);
        if (_common.Contains(lower) || (one.Length > 0 && _common.Contains(one))) return true;
        // The dictionary's affix rules (not read here) make the inflections; undo the regular ones.
        Span<char> stem = stackalloc char[MaxLength + 1];
        foreach (var (ending, replacements) in Inflections)
        {
            if (lower.Length <= ending.Length + 2 || !lower.EndsWith(ending, StringComparison.Ordinal)) continue;
            var stemLength = lower.Length - ending.Length;
            lower[..stemLength].CopyTo(stem);
            foreach (var r in replacements)
            {
                r.CopyTo(stem[stemLength..]);
                if (_common.Contains(stem[..(stemLength + r.Length)])) return true;
            }
            // "stopped" → stop
            if (stemLength > 2 && stem[stemLength - 1] == stem[stemLength - 2] && _common.Contains(stem[..(stemLength - 1)])) return true;
        }
        return false;
    }

    /// <summary>Whether the word is listed at all, as a common word or capitalised (a proper noun, a demonym).</summary>
    public bool IsListed(ReadOnlySpan<char> word)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        var lower = Lower(word, buffer);
        if (lower.IsEmpty) return false;
        if (_common.Contains(lower) || _proper.Contains(lower)) return true;
        var one = Singular(lower);
        return one.Length > 0 && (_common.Contains(one) || _proper.Contains(one));
    }

    private const int MaxLength = 40;

    private static readonly (string Ending, string[] Replacements)[] Inflections =
    [
        ("ied", ["y"]), ("ies", ["y"]), ("ed", ["", "e"]), ("ing", ["", "e"]), ("es", [""]), ("er", ["", "e"]), ("ly", [""]),
    ];

    /// <summary>The word in lower case with a typographic apostrophe made plain, in <paramref name="buffer"/>; empty when it is too long to be listed.</summary>
    private static ReadOnlySpan<char> Lower(ReadOnlySpan<char> word, Span<char> buffer)
    {
        if (word.Length == 0 || word.Length > MaxLength) return [];
        var lower = buffer[..word.Length];
        word.ToLowerInvariant(lower);
        lower.Replace('’', '\'');
        return lower;
    }

    // The dictionary lists stems; its affix rules (not read here) add the plural and possessive. Empty when there is neither.
    private static ReadOnlySpan<char> Singular(ReadOnlySpan<char> lower)
    {
        if (lower.EndsWith("'s", StringComparison.Ordinal)) return lower[..^2];
        if (lower.Length > 3 && lower[^1] == 's' && lower[^2] != 's') return lower[..^1];
        return [];
    }
}
