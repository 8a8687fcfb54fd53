using Vigil.Model;
using Vigil.Text;

namespace Vigil.Extraction;

/// <summary>
/// The titles a document gives its people ("il presidente russo Vladimir Putin", "Russian President Vladimir Putin",
/// "il ministro della Difesa britannico Grant Shapps"), so that a later bare title ("il presidente russo ha detto",
/// "secondo quanto affermato dallo stesso presidente russo") can be read as that person. News writes a person's
/// title once beside the name and then the title alone; a title given to two people in one document is dropped.
/// </summary>
internal sealed class PersonTitles
{
    /// <summary>Longest title taken, in words.</summary>
    private const int MaxWords = 5;

    private readonly Dictionary<string, string?> byTitle = new(StringComparer.Ordinal);

    public bool IsEmpty => byTitle.Count == 0;

    /// <summary>Titles written just before a person's name in the document, each with the person it names (ambiguous ones dropped).</summary>
    public static PersonTitles Collect(IReadOnlyList<Token> tokens, string[] keys, int[] lex, IReadOnlyList<Mention> mentions)
    {
        var titles = new PersonTitles();
        if (!mentions.Any(m => m.Schema == EntitySchema.Person)) return titles;
        var covered = Covered(tokens, mentions);
        foreach (var m in mentions)
        {
            if (m.Schema != EntitySchema.Person) continue;
            var at = TokenSearch.FirstEndingAfter(tokens, m.Span.Start);
            if (at <= 0) continue;
            // Walk back over the title's words; stop at a determiner, punctuation, another name or a reporting verb.
            var first = at;
            while (first - 1 >= 0 && at - (first - 1) <= MaxWords)
            {
                var k = first - 1;
                if (tokens[k].Kind != TokenKind.Word || covered[k] || FunctionWords.Determiners.Contains(keys[k]) || (lex[k] & ClaimLexicon.Reporting) != 0) break;
                first = k;
            }
            while (first < at && FunctionWords.Prepositions.Contains(keys[first])) first++;
            // "il viaggio di Putin": a name after "di" completes the noun before it; that noun is not his title.
            if (first == at || FunctionWords.Prepositions.Contains(keys[at - 1]) || !HasContentWord(keys, first, at - 1)) continue;
            titles.Add(Key(keys, first, at - 1), m.Name);
        }
        return titles;
    }

    /// <summary>
    /// The person whose title the words [first, last] end with ("quanto affermato dallo stesso presidente russo" ends with
    /// "presidente russo"), longest title first, or null. The title must stand on its own: after a determiner, punctuation or
    /// the start of <paramref name="first"/>, or, with <paramref name="afterAgent"/>, after "da"/"by" ("riferito dal presidente
    /// russo"); not after "of" ("il viaggio del presidente russo" is the trip, not the president).
    /// </summary>
    public string? PersonEndingAt(IReadOnlyList<Token> tokens, string[] keys, int first, int last, bool afterAgent = false)
    {
        if (IsEmpty || last < first) return null;
        for (var start = Math.Max(first, last - MaxWords + 1); start <= last; start++)
        {
            if (!byTitle.TryGetValue(Key(keys, start, last), out var person) || person is null) continue;
            var before = start - 1;
            if (start == first || tokens[before].Kind != TokenKind.Word || FunctionWords.Determiners.Contains(keys[before]) || (afterAgent && FunctionWords.Agent.Contains(keys[before])))
                return person;
        }
        return null;
    }

    private void Add(string title, string person)
    {
        if (!byTitle.TryGetValue(title, out var known)) byTitle[title] = person;
        else if (known is not null && known != person) byTitle[title] = null;
    }

    private static bool HasContentWord(string[] keys, int first, int last)
    {
        for (var k = first; k <= last; k++) if (keys[k].Length >= 4 && !FunctionWords.Prepositions.Contains(keys[k])) return true;
        return false;
    }

    private static string Key(string[] keys, int first, int last) => string.Join(' ', keys, first, last - first + 1);

    private static bool[] Covered(IReadOnlyList<Token> tokens, IReadOnlyList<Mention> mentions)
    {
        var covered = new bool[tokens.Count];
        foreach (var m in mentions)
            for (var k = Math.Max(0, TokenSearch.FirstEndingAfter(tokens, m.Span.Start)); k < tokens.Count && tokens[k].Start < m.Span.End; k++)
                covered[k] = true;
        return covered;
    }
}
