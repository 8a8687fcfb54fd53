namespace Vigil.Text;

/// <summary>
/// Word lists are written with their letters ("président", "май", "войск"); tokens are looked up by their
/// <see cref="Tokenizer.Normalize"/>d keys, which drop accents and the breve of й ("president", "маи", "воиск"). These
/// put a list's entries under the keys its words will have, so that an entry is found however it was written.
/// </summary>
public static class LexiconKeys
{
    public static string Of(string word) => Tokenizer.Normalize(word);

    /// <summary>Re-keys the set in place.</summary>
    public static void Normalize(HashSet<string> words)
    {
        var changed = words.Where(w => Of(w) != w).ToList();
        foreach (var w in changed) { words.Remove(w); words.Add(Of(w)); }
    }

    /// <summary>Re-keys the dictionary in place; an entry already under the normalised key keeps its value.</summary>
    public static void Normalize<T>(Dictionary<string, T> entries)
    {
        var changed = entries.Where(e => Of(e.Key) != e.Key).ToList();
        foreach (var (key, value) in changed) { entries.Remove(key); entries.TryAdd(Of(key), value); }
    }
}
