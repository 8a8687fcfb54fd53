using Vigil.Text;
namespace Vigil.Extraction;

/// <summary>
/// Function words of the languages the extraction rules read (keys as <see cref="Text.Tokenizer.Normalize"/> gives them),
/// shared by the rules that walk around names, titles and reporting verbs so that each knows the same words.
/// </summary>
internal static class FunctionWords
{
    /// <summary>Articles, and the emphatic "same" that stands where an article would ("lo stesso presidente").</summary>
    public static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "il", "lo", "la", "i", "gli", "le", "l'", "un", "uno", "una", "the", "a", "an", "les", "el", "los", "las", "der", "die", "das", "den", "dem",
        "stesso", "stessa", "himself", "herself", "meme", "mismo", "misma", "selbst",
    };

    /// <summary>"Of" and its forms with an article: a name after one completes the noun before it ("il viaggio di Putin").</summary>
    public static readonly HashSet<string> Genitive = new(StringComparer.Ordinal)
    {
        "di", "del", "della", "dello", "dei", "degli", "delle", "dell'", "of", "de", "du", "des", "von", "der",
    };

    /// <summary>"By" and its forms with an article: the agent of a passive ("riferito dal presidente", "reported by").</summary>
    public static readonly HashSet<string> Agent = new(StringComparer.Ordinal)
    {
        "da", "dal", "dallo", "dalla", "dai", "dagli", "dalle", "dall'", "by", "par", "por", "von", "vom",
    };

    /// <summary>Prepositions that can open the noun phrase after a title's head ("ministro della Difesa", "minister of", "con delega").</summary>
    public static readonly HashSet<string> Prepositions = new([.. Genitive, .. Agent, "with", "con"], StringComparer.Ordinal);

    /// <summary>
    /// Words that cannot end a phrase: a phrase cut off after one was cut in the middle ("fonti occidentali da | ottobre").
    /// </summary>
    public static readonly HashSet<string> PhraseOpeners = new(
        [.. Genitive, .. Agent, "in", "a", "al", "e", "since", "from", "on", "at", "and", "desde", "seit", "und", "с", "и"], StringComparer.Ordinal);

    /// <summary>Auxiliaries and adverbs between a subject and its reporting verb ("ha detto", "has said", "a déclaré", "hat gesagt", "ha poi detto").</summary>
    public static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal)
    {
        "ha", "hanno", "aveva", "avevano", "has", "have", "had", "a", "ont", "avait", "hat", "haben", "hatte", "han", "habia", "anche", "also", "poi",
    };

    // The lists above are written with their letters; tokens are looked up by their normalised keys.
    static FunctionWords()
    {
        LexiconKeys.Normalize(Determiners);
        LexiconKeys.Normalize(Genitive);
        LexiconKeys.Normalize(Agent);
        LexiconKeys.Normalize(Auxiliaries);
    }
}
