using System.Text;
using Vigil.Model;

namespace Vigil.Extraction.Gazetteers;

/// <summary>
/// A Russian name as found in running text, put in the nominative with the OpenCorpora dictionary,
/// so that inflected mentions of one entity share a name: "Путина", "Путину" → "Путин"; "Курской
/// области", "Курскую область" → "Курская область". A person's name is declined word by word; a
/// place's or organisation's only up to its head noun, since what follows is a complement that keeps
/// its case ("Министерства обороны" → "Министерство обороны"). Words the dictionary does not know stay as written.
/// </summary>
public static class RussianNameForms
{
    public static string Nominative(string name, EntitySchema schema, OpenCorporaLexicon lexicon)
    {
        var sb = new StringBuilder(name.Length);
        var person = schema == EntitySchema.Person;
        var done = false;
        var i = 0;
        while (i < name.Length)
        {
            if (!IsWordChar(name[i])) { sb.Append(name[i++]); continue; }
            var start = i;
            while (i < name.Length && (IsWordChar(name[i]) || (name[i] == '-' && i + 1 < name.Length && IsWordChar(name[i + 1])))) i++;
            var word = name[start..i];
            // Initials ("В.") and words in other scripts stay as written.
            if (done || !IsCyrillicWord(word) || word.Length < 2 || (i < name.Length && name[i] == '.')) { sb.Append(word); continue; }
            var nominative = lexicon.Nominative(word, preferProper: char.IsUpper(word[0]));
            if (nominative is null) { sb.Append(word); done = !person; continue; }
            sb.Append(WithCaseOf(word, nominative));
            // Places and organisations: adjectives agree with the head noun, which ends the declined part.
            if (!person && !lexicon.Parse(word).Any(p => p.PartOfSpeech is "ADJF" or "PRTF" or "NUMR" && !IsProper(p))) done = true;
        }
        return sb.ToString();
    }

    private static bool IsProper(LexiconParse p) => (p.Proper & OpenCorporaLexicon.AnyProper) != 0;

    private static bool IsWordChar(char c) => char.IsLetter(c);

    private static bool IsCyrillicWord(string word) => word.All(c => c == '-' || NameKeys.IsCyrillic(c));

    /// <summary>The new form written with the original's capitals, and with е where the original wrote е for the dictionary's ё.</summary>
    private static string WithCaseOf(string original, string form)
    {
        var allCaps = original.Length > 1 && original.All(c => !char.IsLetter(c) || char.IsUpper(c));
        var chars = form.ToCharArray();
        for (var k = 0; k < chars.Length; k++)
        {
            if (k < original.Length && chars[k] == 'ё' && char.ToLowerInvariant(original[k]) == 'е') chars[k] = 'е';
            if (allCaps || (k < original.Length && char.IsUpper(original[k]))) chars[k] = char.ToUpperInvariant(chars[k]);
        }
        return new string(chars);
    }
}
