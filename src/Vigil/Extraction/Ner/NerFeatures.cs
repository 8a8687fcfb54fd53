using System.Globalization;
using Vigil.Extraction.Gazetteers;
using Vigil.Text;

namespace Vigil.Extraction.Ner;

/// <summary>
/// Features of one token for the sequence tagger: the word and its neighbours, word shape,
/// prefixes and suffixes, capitalisation and position, the gazetteer's label for the token, and
/// a transition feature for the label before. Features are hashed (FNV-1a) to keep the model a flat array.
/// </summary>
public static class NerFeatures
{
    /// <summary>What a sequence element is: a word (Italian, Russian) or one character of space-separated text (Korean).</summary>
    public enum FeatureSet : byte { Words = 1, Characters = 2 }

    public sealed class SentenceView
    {
        public FeatureSet Mode { get; init; } = FeatureSet.Words;
        public required string[] Words { get; init; }
        public required string[] Lower { get; init; }
        public required string[] Shapes { get; init; }
        public required string[] Gazetteer { get; init; }
        /// <summary>Lemma-like keys: Russian inflection endings stripped ("Курской" → "курск"); the lower-cased word elsewhere.</summary>
        public string[] Stems { get; init; } = [];
        /// <summary>Whether the lower-cased word was seen written in lower case in the training data (a capitalised common word, not a name).</summary>
        public bool[] SeenLower { get; init; } = [];
        /// <summary>Characters only: the word (space-separated unit, the Korean eojeol) each character belongs to, and its position in it.</summary>
        public int[] WordStart { get; init; } = [];
        public int[] WordEnd { get; init; } = [];
        public string[] Units { get; init; } = [];
        /// <summary>Characters only: the Korean lexicon's label of each character ("B-LOC", "L-ORG"; "=" added when the name is the whole stem), "" elsewhere.</summary>
        public string[] Lexicon { get; init; } = [];
        /// <summary>Characters only: whether the character's eojeol stem (and the stem without a surname) is a common word: "ss" both, "s-", "-s", "--", "" when unknown.</summary>
        public string[] Vocabulary { get; init; } = [];
        /// <summary>Characters only: <see cref="KoreanLexicon.Foreignness"/> of the character's eojeol stem (−3…3), empty without a lexicon.</summary>
        public sbyte[] Foreign { get; init; } = [];
        /// <summary>Characters only: the length of the surname that starts the character's eojeol stem (1 or 2 syllables), 0 when none.</summary>
        public byte[] Surname { get; init; } = [];
        /// <summary>Characters only: the mecab-ko-dic proper noun covering the character ("B-P", "L-L=": see <see cref="KoreanDictionaryMarks"/>), "" elsewhere or without the dictionary.</summary>
        public string[] DictionaryMarks { get; init; } = [];
        /// <summary>Characters only: the mecab-ko-dic classes of the character's eojeol stem and of its likeliest reading, and of its given name after a surname ("c>c|P"), "" without the dictionary.</summary>
        public string[] DictionaryStem { get; init; } = [];
        /// <summary>Characters only: the longest mecab-ko-dic word of any class covering the character, from left to right ("B-c", "L-P"), "" elsewhere.</summary>
        public string[] DictionaryWords { get; init; } = [];
        /// <summary>Words of Russian sentences: "q" for a word between an opening and a closing quote mark (« », “ ”, " "), "-" elsewhere; empty otherwise.</summary>
        public string[] Quoted { get; init; } = [];
        /// <summary>Per word, what other occurrences of it in the document say (<see cref="DocumentContext"/>); empty when the tagger reads sentences alone.</summary>
        public string[][] Elsewhere { get; set; } = [];
        /// <summary>Words of Latin-script sentences: B-/I- labels of Italian regions, provinces and comuni by size (<see cref="ItalianPlaces"/>), "" elsewhere; empty without the register.</summary>
        public string[] Places { get; init; } = [];
        /// <summary>Cyrillic words of Russian sentences, from the OpenCorpora dictionary when installed: see <see cref="RussianLexiconView"/>; empty otherwise.</summary>
        public string[] LexiconKinds { get; init; } = [];
        public string[] Lemmas { get; init; } = [];
    }

    private static readonly HashSet<string> OrganisationHeads = new[]
    {
        "компания", "банк", "партия", "министерство", "агентство", "корпорация", "концерн", "фонд", "союз", "комитет", "служба", "холдинг",
        "группа", "университет", "институт", "суд", "совет", "управление", "департамент", "организация", "общество", "объединение", "завод",
        "газета", "журнал", "телеканал", "клуб", "команда", "ассоциация", "федерация", "правительство", "администрация", "мэрия", "дума",
        "прокуратура", "полиция", "ооо", "оао", "зао", "пао", "издательство", "театр", "музей", "центр", "академия", "палата", "движение",
        "фракция", "биржа", "авиакомпания", "агентства", "коллегия", "инспекция", "госкорпорация", "компании",
    }.Select(w => w.Length > 3 ? NameKeys.RussianStem(w) : w).ToHashSet(StringComparer.Ordinal);

    /// <summary>Which words stand inside quotation marks: Russian news quote the names of companies, parties and papers («Газпром»).</summary>
    public static string[] QuoteStates(IReadOnlyList<string> words)
    {
        var states = new string[words.Count];
        var open = false;
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (w is "«" or "“" or "„") { open = true; states[i] = "-"; continue; }
            if (w is "»" or "”") { open = false; states[i] = "-"; continue; }
            if (w is "\"" or "''" or "``") { open = !open; states[i] = "-"; continue; }
            states[i] = open ? "q" : "-";
        }
        return states;
    }

    public static SentenceView View(IReadOnlyList<string> words, Gazetteer? gazetteer, IReadOnlySet<string>? lowerVocabulary = null)
    {
        var n = words.Count;
        var w = new string[n]; var lower = new string[n]; var shapes = new string[n]; var stems = new string[n]; var seen = new bool[n];
        for (var i = 0; i < n; i++)
        {
            w[i] = words[i];
            lower[i] = Tokenizer.Normalize(words[i]);
            shapes[i] = Shape(words[i]);
            stems[i] = lower[i].Length > 3 && NameKeys.IsCyrillic(lower[i][0]) ? NameKeys.RussianStem(lower[i]) : lower[i];
            seen[i] = lowerVocabulary is not null && lowerVocabulary.Contains(lower[i]);
        }
        var russian = words.Any(x => x.Length > 0 && NameKeys.IsCyrillic(x[0]));
        var (kinds, lemmas) = russian ? RussianLexiconViews(w, stems) : ([], []);
        // Italian places by kind and size (ItalianPlaces): for Latin-script sentences, which the Italian model reads.
        var places = !russian && ItalianPlaces.Installed is { } italian ? GazetteerLabels(lower, italian.Names, e => e.Source) : [];
        return new SentenceView { Words = w, Lower = lower, Shapes = shapes, Stems = stems, SeenLower = seen, Gazetteer = GazetteerLabels(lower, gazetteer), Places = places,
            // Russian-only, like the stems: judged on the factRuEval devset (vigil eval ner-ru-dev); the Italian model was tuned without it.
            Quoted = russian ? QuoteStates(words) : [], LexiconKinds = kinds, Lemmas = lemmas };
    }

    /// <summary>A character sequence (spaces written "_", as <see cref="NerCorpora.ReadKlue"/> gives them) with each character's word bounds.</summary>
    public static SentenceView CharacterView(IReadOnlyList<string> chars, Gazetteer? gazetteer = null, KoreanLexicon? lexicon = null)
    {
        var n = chars.Count;
        var w = new string[n]; var kinds = new string[n]; var starts = new int[n]; var ends = new int[n]; var units = new string[n];
        for (var i = 0; i < n; i++) { w[i] = chars[i]; kinds[i] = CharKind(chars[i]); }
        var s = 0;
        while (s < n)
        {
            if (IsSpace(w[s])) { starts[s] = ends[s] = s; units[s] = "_"; s++; continue; }
            var e = s;
            while (e + 1 < n && !IsSpace(w[e + 1])) e++;
            var unit = string.Concat(w.AsSpan(s, e - s + 1).ToArray());
            for (var k = s; k <= e; k++) { starts[k] = s; ends[k] = e; units[k] = unit; }
            s = e + 1;
        }
        // Gazetteer labels: the longest start of each word that is a known name ("러시아와" → 러시아, a place).
        var gaz = new string[n];
        Array.Fill(gaz, "");
        if (gazetteer is not null)
        {
            for (var k = 0; k < n; k++)
            {
                if (starts[k] != k || IsSpace(w[k])) continue;
                var unit = units[k];
                for (var len = Math.Min(unit.Length, 8); len >= 2; len--)
                {
                    if (!gazetteer.TryGet(unit.AsSpan(0, len), out var entry)) continue;
                    var type = NerLabels.TypeOf(entry.Schema);
                    for (var q = 0; q < len; q++) gaz[k + q] = (q == 0 ? "B-" : "I-") + type;
                    break;
                }
            }
        }
        var (marks, surname, vocabulary, foreign) = lexicon is null ? ([], [], [], []) : KoreanMarks(units, starts, lexicon);
        var (dictionaryMarks, dictionaryStem, dictionaryWords) = lexicon?.Dictionary is { } dictionary ? KoreanDictionaryMarks(units, starts, surname, dictionary) : ([], [], []);
        return new SentenceView { Mode = FeatureSet.Characters, Words = w, Lower = w, Shapes = kinds, Gazetteer = gaz, WordStart = starts, WordEnd = ends, Units = units,
            Lexicon = marks, Surname = surname, Vocabulary = vocabulary, Foreign = foreign, DictionaryMarks = dictionaryMarks, DictionaryStem = dictionaryStem, DictionaryWords = dictionaryWords };
    }

    /// <summary>
    /// The lexicon's names inside each eojeol, longest first from left to right ("서울시청에서" → 서울, a place,
    /// then 시청), and whether the eojeol's stem (without particle and title: "김씨는" → 김) starts with a surname.
    /// </summary>
    private static (string[] Marks, byte[] Surname, string[] Vocabulary, sbyte[] Foreign) KoreanMarks(string[] units, int[] starts, KoreanLexicon lexicon)
    {
        var n = units.Length;
        var foreign = new sbyte[n];
        var marks = new string[n];
        var surname = new byte[n];
        var vocabulary = new string[n];
        Array.Fill(marks, "");
        Array.Fill(vocabulary, "");
        for (var ws = 0; ws < n; ws++)
        {
            if (starts[ws] != ws || units[ws] == "_") continue;
            var unit = units[ws];
            var (stemLength, titleLength) = KoreanStem(unit);
            var nameLength = stemLength - titleLength;
            var sur = nameLength <= 4 ? lexicon.SurnameLength(unit.AsSpan(0, nameLength)) : 0;
            for (var k = 0; k < unit.Length; k++) surname[ws + k] = (byte)sur;
            if (lexicon.HasVocabulary)
            {
                var word = (lexicon.IsWord(unit.AsSpan(0, stemLength)) ? "s" : "-")
                           + (sur > 0 && nameLength > sur ? lexicon.IsWord(unit.AsSpan(sur, nameLength - sur)) ? "s" : "-" : "");
                for (var k = 0; k < unit.Length; k++) vocabulary[ws + k] = word;
                var score = (sbyte)lexicon.Foreignness(unit.AsSpan(0, stemLength));
                for (var k = 0; k < unit.Length; k++) foreign[ws + k] = score;
            }
            for (var p = 0; p < unit.Length - 1;)
            {
                var found = 0; string? type = null;
                for (var len = Math.Min(unit.Length - p, lexicon.MaxLength); len >= 2; len--)
                    if ((type = lexicon.TypeOf(unit.AsSpan(p, len))) is not null) { found = len; break; }
                if (found == 0) { p++; continue; }
                var whole = p == 0 && (found == stemLength || found == nameLength) ? "=" : "";
                for (var q = 0; q < found; q++)
                    marks[ws + p + q] = (q == 0 ? "B-" : q == found - 1 ? "L-" : "I-") + type + whole;
                p += found;
            }
        }
        return (marks, surname, vocabulary, foreign);
    }

    /// <summary>
    /// What mecab-ko-dic says of each eojeol: the proper nouns in it, longest first from left to right
    /// ("김정은위원장은" → 김정은, a person's name), marked B-/I-/L- with the class letter (P person, L place,
    /// N other proper noun) and "=" when the name is the whole stem; the classes of the stem and of its
    /// likeliest reading, and of the given name after a surname ("지훈" in "김지훈은"), as letters (see
    /// <see cref="ClassLetters"/>: "Pc>P|P"); and the longest dictionary word of any class from left to right.
    /// </summary>
    private static (string[] Marks, string[] Stem, string[] Words) KoreanDictionaryMarks(string[] units, int[] starts, byte[] surname, MecabKoDictionary dictionary)
    {
        const KoreanWordClass proper = KoreanWordClass.PersonName | KoreanWordClass.PlaceName | KoreanWordClass.ProperNoun;
        var n = units.Length;
        var marks = new string[n];
        var stems = new string[n];
        var words = new string[n];
        Array.Fill(marks, "");
        Array.Fill(stems, "");
        Array.Fill(words, "");
        Span<(int Length, KoreanWordClass Classes)> prefixes = stackalloc (int, KoreanWordClass)[16];
        for (var ws = 0; ws < n; ws++)
        {
            if (starts[ws] != ws || units[ws] == "_") continue;
            var unit = units[ws];
            var (stemLength, titleLength) = KoreanStem(unit);
            var nameLength = stemLength - titleLength;
            var sur = surname.Length == n ? surname[ws] : 0;
            var given = sur > 0 && nameLength > sur ? ClassLetters(dictionary.ClassOf(unit.AsSpan(sur, nameLength - sur))) : "";
            var stemClasses = dictionary.ClassOf(unit.AsSpan(0, stemLength), out var likeliest);
            var stem = ClassLetters(stemClasses) + ">" + ClassLetters(likeliest) + "|" + given;
            for (var k = 0; k < unit.Length; k++) stems[ws + k] = stem;
            for (var p = 0; p < unit.Length - 1;)
            {
                var count = dictionary.PrefixesOf(unit.AsSpan(p), prefixes);
                var found = 0; var classes = KoreanWordClass.None;
                for (var q = count - 1; q >= 0; q--)
                    if (prefixes[q].Length >= 2 && (prefixes[q].Classes & proper) != 0) { found = prefixes[q].Length; classes = prefixes[q].Classes; break; }
                if (found == 0) { p++; continue; }
                var letter = (classes & KoreanWordClass.PersonName) != 0 ? "P" : (classes & KoreanWordClass.PlaceName) != 0 ? "L" : "N";
                var whole = p == 0 && (found == stemLength || found == nameLength) ? "=" : "";
                for (var q = 0; q < found; q++)
                    marks[ws + p + q] = (q == 0 ? "B-" : q == found - 1 ? "L-" : "I-") + letter + whole;
                p += found;
            }
            for (var p = 0; p < unit.Length;)
            {
                var count = dictionary.PrefixesOf(unit.AsSpan(p), prefixes);
                if (count == 0) { p++; continue; }
                var (found, classes) = prefixes[count - 1];
                var letters = ClassLetters(classes);
                for (var q = 0; q < found; q++)
                    words[ws + p + q] = (found == 1 ? "S-" : q == 0 ? "B-" : q == found - 1 ? "L-" : "I-") + letters;
                p += found;
            }
        }
        return (marks, stems, words);
    }

    /// <summary>One letter per class a word has: P person, L place, N other proper noun, c common noun, v predicate, m modifier, f function, o other; "" when unknown.</summary>
    private static string ClassLetters(KoreanWordClass classes)
    {
        if (classes == KoreanWordClass.None) return "";
        Span<char> letters = stackalloc char[8];
        var count = 0;
        const string all = "PLNcvmfo";
        for (var bit = 0; bit < 8; bit++)
            if (((int)classes & (1 << bit)) != 0) letters[count++] = all[bit];
        return new string(letters[..count]);
    }

    // Titles written onto a person's name in one eojeol ("김씨", "박대통령"): the name is the stem without them.
    private static readonly string[] Titles =
    [
        "위원장", "대통령", "사무총장", "대변인", "부총리", "총리", "장관", "의원", "감독", "선수", "대표", "회장", "사장", "교수", "기자", "씨", "군", "양", "옹",
        "총장", "국장", "부장", "원장", "시장", "지사", "변호사", "검사", "판사", "박사", "작가", "위원", "당선인", "후보", "여사", "씨와", "측",
    ];

    // Last syllables of place and organisation names: "부산시", "한강", "국방부", "새누리당", "삼성전자".
    private static readonly string[] PlaceEnds = ["시", "군", "구", "도", "동", "읍", "면", "리", "역", "강", "산", "항", "섬", "궁", "로", "길", "공항", "해", "만", "반도"];
    private static readonly string[] OrganisationEnds =
    [
        "위원회", "대학교", "연구원", "연구소", "협회", "은행", "그룹", "전자", "공사", "공단", "재단", "센터", "방송", "일보", "신문", "병원", "학교", "대학", "법원",
        "경찰서", "본부", "당", "회", "원", "부", "청", "처", "국", "사", "대", "단",
    ];

    /// <summary>The eojeol's stem length (without its particle) and, within the stem, the length of a title ending it ("김씨는" → 2, 1).</summary>
    private static (int Stem, int Title) KoreanStem(string unit)
    {
        var stem = unit.Length - JosaLength(unit);
        foreach (var t in Titles)
            if (stem > t.Length && unit.AsSpan(0, stem).EndsWith(t, StringComparison.Ordinal)) return (stem, t.Length);
        return (stem, 0);
    }

    /// <summary>Where the character at offset <paramref name="k"/> of its eojeol stands against a stem of that length: after it (J), alone, first, last or inside.</summary>
    private static string PlaceIn(int k, int stemLength) =>
        k >= stemLength ? "J" : stemLength == 1 ? "S" : k == 0 ? "B" : k == stemLength - 1 ? "E" : "M";

    private static string SuffixClass(ReadOnlySpan<char> stem)
    {
        foreach (var t in Titles) if (stem.Length > t.Length && stem.EndsWith(t, StringComparison.Ordinal)) return "title";
        foreach (var e in OrganisationEnds) if (stem.Length > e.Length && stem.EndsWith(e, StringComparison.Ordinal)) return "o" + e;
        foreach (var e in PlaceEnds) if (stem.Length > e.Length && stem.EndsWith(e, StringComparison.Ordinal)) return "l" + e;
        return "";
    }

    internal static bool IsSpace(string c) => c == "_" || c.Length == 0 || char.IsWhiteSpace(c[0]);

    /// <summary>Hangul syllable, Hanja, digit, Latin letter, space or the punctuation itself.</summary>
    private static string CharKind(string c)
    {
        if (IsSpace(c)) return "_";
        var ch = c[0];
        return ch switch
        {
            >= '\uAC00' and <= '\uD7A3' => "H",
            >= '\u4E00' and <= '\u9FFF' => "C",
            _ when char.IsDigit(ch) => "d",
            _ when char.IsUpper(ch) => "X",
            _ when char.IsLetter(ch) => "x",
            _ => c,
        };
    }

    /// <summary>B-/I- labels from the longest gazetteer match at each position ("B-LOC", "I-ORG"), "" elsewhere.</summary>
    /// <param name="kindOf">The label's kind for an entry: its type (PER, LOC, ORG) unless given.</param>
    public static string[] GazetteerLabels(string[] lower, Gazetteer? g, Func<GazetteerEntry, string>? kindOf = null)
    {
        var labels = new string[lower.Length];
        Array.Fill(labels, "");
        if (g is null) return labels;
        var keys = new string[lower.Length];
        for (var i = 0; i < lower.Length; i++)
        {
            var k = lower[i];
            if (k.Length > 0 && k[^1] == '\'') k = k[..^1];
            keys[i] = k.Length > 3 && NameKeys.IsCyrillic(k[0]) ? NameKeys.RussianStem(k) : k;
        }
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i].Length == 0 || !char.IsLetterOrDigit(keys[i][0])) continue;
            var key = ""; var best = -1; GazetteerEntry? bestEntry = null;
            for (var j = i; j < keys.Length && j - i < g.MaxTokens; j++)
            {
                if (keys[j] == "-") continue;
                key = key.Length == 0 ? keys[j] : key + " " + keys[j];
                if (g.TryGet(key, out var e)) { best = j; bestEntry = e; }
                if (!g.IsPrefix(key)) break;
            }
            if (bestEntry is null) continue;
            var type = kindOf is null ? NerLabels.TypeOf(bestEntry.Schema) : kindOf(bestEntry);
            for (var k = i; k <= best; k++) labels[k] = (k == i ? "B-" : "I-") + type;
            i = best;
        }
        return labels;
    }

    public static string Shape(string word)
    {
        Span<char> buf = stackalloc char[Math.Min(word.Length, 6)];
        var n = 0; var last = '\0';
        foreach (var c in word)
        {
            var s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'L' : c;
            if (s == last) continue;
            if (n == buf.Length) break;
            buf[n++] = s; last = s;
        }
        return new string(buf[..n]);
    }

    private const uint Offset = 2166136261, Prime = 16777619;

    private static uint Hash(uint h, ReadOnlySpan<char> s)
    {
        foreach (var c in s) { h ^= c; h *= Prime; }
        return h;
    }

    private static uint F(int template, ReadOnlySpan<char> a)
    {
        var h = (Offset ^ (uint)template) * Prime;
        return Hash(h, a);
    }

    private static uint F(int template, ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var h = (Offset ^ (uint)template) * Prime;
        h = Hash(h, a); h ^= 0x1f; h *= Prime;
        return Hash(h, b);
    }

    /// <summary>
    /// A feature's hash built from parts without joining them into strings: FNV-1a reads characters in order, so
    /// <c>Key(t).Then(a).Then(b).Value</c> equals <c>F(t, a + b)</c> and <c>.Next()</c> stands for the separator between
    /// <see cref="F(int, ReadOnlySpan{char}, ReadOnlySpan{char})"/>'s two parts. The character tagger builds sixty
    /// features for every character of a Korean text, and the joined strings were most of what it allocated.
    /// </summary>
    private struct Key(int template)
    {
        private uint _hash = (Offset ^ (uint)template) * Prime;
        public readonly uint Value => _hash;
        public Key Then(ReadOnlySpan<char> part) { _hash = Hash(_hash, part); return this; }
        public Key Then(char part) { _hash ^= part; _hash *= Prime; return this; }
        /// <summary>The number's decimal digits, as its invariant-culture string would add them.</summary>
        public Key Then(int number) => Then(SmallNumbers.Length > (uint)number ? SmallNumbers[number] : number.ToString(CultureInfo.InvariantCulture));
        public Key Next() { _hash ^= 0x1f; _hash *= Prime; return this; }
    }

    private static readonly string[] SmallNumbers = Enumerable.Range(0, 100).Select(n => n.ToString(CultureInfo.InvariantCulture)).ToArray();

    /// <summary>The feature every token has (the per-label bias).</summary>
    public static uint Bias => F(0, "bias");

    /// <summary>The feature standing for the transition from label <paramref name="prev"/> (or the sentence start).</summary>
    public static uint Transition(string prev) => F(99, prev);

    // The Unicode categories' names, made once: an enum's ToString allocates on every call.
    private static readonly string[] CategoryNames = Enum.GetValues<UnicodeCategory>().OrderBy(c => (int)c).Select(c => c.ToString()).ToArray();

    public static void Extract(SentenceView s, int i, List<uint> features)
    {
        features.Clear();
        if (s.Mode == FeatureSet.Characters) { ExtractCharacter(s, i, features); return; }
        var n = s.Words.Length;
        var w = s.Lower[i];
        var word = s.Words[i];
        features.Add(F(0, "bias"));
        features.Add(F(1, w));
        features.Add(F(2, s.Shapes[i]));
        for (var k = 1; k <= 4 && k <= w.Length; k++)
        {
            features.Add(F(3 + k, w.AsSpan(w.Length - k)));
            features.Add(F(8 + k, w.AsSpan(0, k)));
        }
        features.Add(F(16, i == 0 ? "<s>" : s.Lower[i - 1]));
        features.Add(F(17, i == 0 ? "<s>" : s.Shapes[i - 1]));
        features.Add(F(18, i < 2 ? "<s>" : s.Lower[i - 2]));
        features.Add(F(19, i + 1 >= n ? "</s>" : s.Lower[i + 1]));
        features.Add(F(20, i + 1 >= n ? "</s>" : s.Shapes[i + 1]));
        features.Add(F(21, i + 2 >= n ? "</s>" : s.Lower[i + 2]));
        features.Add(F(22, i == 0 ? "<s>" : s.Lower[i - 1], w));
        features.Add(F(23, w, i + 1 >= n ? "</s>" : s.Lower[i + 1]));
        features.Add(F(24, s.Gazetteer[i]));
        features.Add(F(25, s.Gazetteer[i], s.Shapes[i]));
        features.Add(F(26, i == 0 ? "<s>" : s.Gazetteer[i - 1]));
        features.Add(F(27, i + 1 >= n ? "</s>" : s.Gazetteer[i + 1]));
        features.Add(F(28, i == 0 ? "first" : "notfirst", s.Shapes[i]));
        var cat = word.Length > 0 ? CategoryNames[(int)CharUnicodeInfo.GetUnicodeCategory(word[0])] : "";
        features.Add(F(30, cat, i + 1 >= n ? "</s>" : s.Shapes[i + 1]));
        if (w.Length > 5) features.Add(F(31, w.AsSpan(w.Length - 3), s.Shapes[i]));
        features.Add(F(32, word));
        features.Add(F(33, i == 0 ? "<s>" : s.Shapes[i - 1], s.Shapes[i]));
        features.Add(F(34, s.Shapes[i], i + 1 >= n ? "</s>" : s.Shapes[i + 1]));
        features.Add(F(35, i < 2 ? "<s>" : s.Shapes[i - 2]));
        features.Add(F(36, i + 2 >= n ? "</s>" : s.Shapes[i + 2]));
        if (i > 0 && s.Lower[i - 1].Length > 3) features.Add(F(37, s.Lower[i - 1].AsSpan(s.Lower[i - 1].Length - 3)));
        if (i + 1 < n && s.Lower[i + 1].Length > 3) features.Add(F(38, s.Lower[i + 1].AsSpan(s.Lower[i + 1].Length - 3)));
        features.Add(F(39, i == 0 ? "<s>" : s.Lower[i - 1], s.Gazetteer[i]));
        if (s.Stems.Length == n)
        {
            // Inflected Russian forms share one key: "Курской"/"Курская", "Путина"/"Путину".
            if (s.Stems[i] != w) { features.Add(F(40, s.Stems[i])); features.Add(F(43, s.Stems[i], s.Shapes[i])); }
            if (i > 0 && s.Stems[i - 1] != s.Lower[i - 1]) features.Add(F(41, s.Stems[i - 1]));
            if (i + 1 < n && s.Stems[i + 1] != s.Lower[i + 1]) features.Add(F(42, s.Stems[i + 1]));
        }
        if (s.Places.Length == n && s.Places[i].Length > 0)
        {
            // An Italian place by kind and size, with the word before it ("a Saronno", "di Vernio") and the word's shape.
            features.Add(F(92, s.Places[i]));
            features.Add(F(93, s.Places[i], s.Shapes[i]));
            features.Add(F(94, s.Places[i], i == 0 ? "<s>" : s.Lower[i - 1]));
        }
        if (s.SeenLower.Length == n && word.Length > 0 && char.IsUpper(word[0]))
            features.Add(F(44, s.SeenLower[i] ? "lc" : "nolc", i == 0 ? "first" : "mid"));
        features.Add(F(45, i < 2 ? "<s>" : s.Lower[i - 2], i == 0 ? "<s>" : s.Lower[i - 1]));
        features.Add(F(46, i == 0 ? "<s>" : s.Lower[i - 1], i + 1 >= n ? "</s>" : s.Lower[i + 1]));
        features.Add(F(47, s.Shapes[i], i + 1 >= n ? "</s>" : s.Lower[i + 1]));
        features.Add(F(48, i == 0 ? "<s>" : s.Lower[i - 1], s.Shapes[i]));
        if (s.Quoted.Length == n)
        {
            // A quoted name is most often an organisation's: the quote state with the word's shape and with the words around.
            features.Add(F(50, s.Quoted[i], s.Shapes[i]));
            features.Add(F(51, s.Quoted[i], i == 0 ? "<s>" : s.Lower[i - 1]));
            features.Add(F(52, s.Quoted[i], i + 1 >= n ? "</s>" : s.Quoted[i + 1]));
        }
        if (s.Quoted.Length == n)
        {
            // Head nouns of organisation names ("компания", "министерство", "партия"), with the word's shape: an organisation's name often starts with one.
            if (OrganisationHeads.Contains(s.Stems[i])) features.Add(F(57, "head", s.Shapes[i]));
        }
        if (s.Elsewhere.Length == n)
        {
            // Document context (Italian): the other occurrences of this capitalised word, alone and with the word's position in its sentence.
            var position = i == 0 ? "first" : "mid";
            foreach (var hint in s.Elsewhere[i]) { features.Add(F(60, hint)); features.Add(F(61, hint, position)); }
        }
        if (s.LexiconKinds.Length == n) RussianLexiconFeatures(s, i, features);
        if (word.Length >= 2 && NameKeys.IsCyrillic(word[0]) && word.All(char.IsUpper))
        {
            // An acronym ("ФСБ", "ООН", "NATO"): the shape alone cannot tell it from an initial.
            features.Add(F(53, "acronym", word.Length > 4 ? "long" : "short"));
            features.Add(F(54, "acronym", i == 0 ? "<s>" : s.Lower[i - 1]));
        }
    }

    // --- Russian: the OpenCorpora lexicon (judged on the factRuEval devset, vigil eval ner-ru-dev) ---


    /// <summary>The dictionary's view of each Cyrillic word of a sentence; empty when the dictionary is not installed.</summary>
    private static (string[] Kinds, string[] Lemmas) RussianLexiconViews(string[] words, string[] stems)
    {
        var lexicon = OpenCorporaLexicon.Installed;
        if (lexicon is null) return ([], []);
        var kinds = new string[words.Length]; var lemmas = new string[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            (kinds[i], lemmas[i]) = word.Length > 0 && NameKeys.IsCyrillic(word[0]) ? RussianLexiconView(lexicon, word, stems[i]) : ("", "");
        }
        return (kinds, lemmas);
    }

    /// <summary>
    /// What the dictionary says of a Cyrillic word: its proper-noun kinds ("S" surname, "N" first name, "P"
    /// patronymic, "G" place, "O" organisation, "T" trademark; "c" when it also has a common reading, "a" an
    /// abbreviation, "g" an adjective made from a place name; "?" unknown to the dictionary) and its lemma
    /// (a proper reading's for a capitalised word; the stem for an unknown word).
    /// </summary>
    public static (string Kind, string Lemma) RussianLexiconView(OpenCorporaLexicon lexicon, string word, string stem)
    {
        var parses = lexicon.Parse(word);
        if (parses.Count == 0) return ("?", stem);
        var proper = ProperNounKind.None; var common = false; var abbreviation = false;
        string? properLemma = null;
        foreach (var p in parses)
        {
            proper |= p.Proper;
            if (p.Proper == ProperNounKind.None) common = true;
            else properLemma ??= p.Lemma;
            abbreviation |= p.Abbreviation;
        }
        Span<char> kind = stackalloc char[12];
        var k = 0;
        if (proper.HasFlag(ProperNounKind.FirstName)) kind[k++] = 'N';
        if (proper.HasFlag(ProperNounKind.Surname)) kind[k++] = 'S';
        if (proper.HasFlag(ProperNounKind.Patronymic)) kind[k++] = 'P';
        if (proper.HasFlag(ProperNounKind.Place)) kind[k++] = 'G';
        if (proper.HasFlag(ProperNounKind.Organisation)) kind[k++] = 'O';
        if (proper.HasFlag(ProperNounKind.Trademark)) kind[k++] = 'T';
        if (common) kind[k++] = 'c';
        if (abbreviation) kind[k++] = 'a';
        if (proper == ProperNounKind.None && IsPlaceAdjective(lexicon, parses)) kind[k++] = 'g';
        var lemma = properLemma is not null && char.IsUpper(word[0]) ? properLemma : parses[0].Lemma;
        return (new string(kind[..k]), lemma);
    }

    /// <summary>An adjective made from a place name: "курский" from Курск, "российский" from Россия, "московский" from Москва.</summary>
    private static bool IsPlaceAdjective(OpenCorporaLexicon lexicon, IReadOnlyList<LexiconParse> parses)
    {
        foreach (var p in parses)
        {
            if (p.PartOfSpeech != "ADJF" || p.Lemma.Length < 6 || !(p.Lemma.EndsWith("ский", StringComparison.Ordinal) || p.Lemma.EndsWith("цкий", StringComparison.Ordinal))) continue;
            var b = p.Lemma[..^4];
            string[] candidates = b.EndsWith("ов", StringComparison.Ordinal) || b.EndsWith("ев", StringComparison.Ordinal)
                ? [b, b[..^2] + "а", b[..^2]] : [b, b + "а", b + "я", b + "ия", b + "ь"];
            foreach (var c in candidates)
                foreach (var q in lexicon.Parse(c))
                    if (q.Proper.HasFlag(ProperNounKind.Place) && q.Lemma == c) return true;
        }
        return false;
    }

    private static void RussianLexiconFeatures(SentenceView s, int i, List<uint> features)
    {
        var n = s.Words.Length;
        var kind = s.LexiconKinds[i];
        if (kind.Length == 0) return;
        features.Add(F(80, kind));
        features.Add(F(81, kind, s.Shapes[i]));
        var before = i == 0 ? "<s>" : s.LexiconKinds[i - 1];
        var after = i + 1 >= n ? "</s>" : s.LexiconKinds[i + 1];
        features.Add(F(82, before, kind));
        features.Add(F(83, kind, after));
        features.Add(F(84, s.Lemmas[i]));
        // The word's kind with the next word's lemma: "Курской" (a place adjective) before any form of "область".
        features.Add(F(85, kind, i + 1 >= n ? "</s>" : s.Lemmas[i + 1]));
    }

    /// <summary>
    /// Features of one character of Korean text: the character and its neighbours (±2) as uni-, bi- and
    /// trigrams, character kinds, and its word (eojeol): the whole word, its position there (begin,
    /// middle, end, single), the part of the word before and after it, and the word's last one and
    /// two syllables, where the particles (josa) that mark a name's role sit; and what the sentence view
    /// carries from <see cref="KoreanLexicon"/>: known names inside the eojeol, a surname starting the
    /// stem, whether the stem is a common word and how foreign it sounds.
    /// </summary>
    private static void ExtractCharacter(SentenceView s, int i, List<uint> features)
    {
        var n = s.Words.Length;
        string C(int k) => k < 0 ? "<s>" : k >= n ? "</s>" : s.Words[k];
        string K(int k) => k < 0 ? "<s>" : k >= n ? "</s>" : s.Shapes[k];
        var c = s.Words[i];
        features.Add(F(0, "bias"));
        features.Add(F(1, c));
        features.Add(F(2, s.Shapes[i]));
        features.Add(F(3, C(i - 1))); features.Add(F(4, C(i + 1)));
        features.Add(F(5, C(i - 2))); features.Add(F(6, C(i + 2)));
        features.Add(F(7, C(i - 1), c)); features.Add(F(8, c, C(i + 1)));
        features.Add(new Key(9).Then(C(i - 2)).Then(C(i - 1)).Next().Then(c).Value);
        features.Add(new Key(10).Then(c).Next().Then(C(i + 1)).Then(C(i + 2)).Value);
        features.Add(new Key(11).Then(C(i - 1)).Then(c).Next().Then(C(i + 1)).Value);
        features.Add(new Key(12).Then(K(i - 1)).Then(s.Shapes[i]).Next().Then(K(i + 1)).Value);
        features.Add(new Key(13).Then(K(i - 2)).Then(K(i - 1)).Next().Then(s.Shapes[i]).Then(K(i + 1)).Then(K(i + 2)).Value);
        if (s.Shapes[i] == "_") return;
        if (s.Gazetteer[i].Length > 0) { features.Add(F(32, s.Gazetteer[i])); features.Add(F(33, s.Gazetteer[i], c)); }
        var ws = s.WordStart[i]; var we = s.WordEnd[i];
        var unit = s.Units[i];
        var pos = ws == we ? 'S' : i == ws ? 'B' : i == we ? 'E' : 'M';
        features.Add(new Key(14).Then(pos).Value);
        features.Add(new Key(15).Then(pos).Next().Then(c).Value);
        features.Add(F(16, unit));
        var before = unit.AsSpan(0, i - ws);
        var after = unit.AsSpan(i - ws + 1);
        features.Add(F(17, before.Length <= 6 ? before : before[^6..], c));
        features.Add(F(18, c, after.Length <= 6 ? after : after[..6]));
        features.Add(new Key(19).Then(unit.AsSpan(unit.Length - 1)).Next().Then(pos).Value);
        if (unit.Length >= 2) features.Add(new Key(20).Then(unit.AsSpan(unit.Length - 2)).Next().Then(pos).Value);
        features.Add(LengthKey(21, unit.Length, 6).Next().Then(pos).Value);
        // The words around: the one before (its last syllables) and after (its first).
        var prev = ws >= 2 ? s.Units[ws - 2] : "<s>";
        var next = we + 2 < n ? s.Units[we + 2] : "</s>";
        features.Add(F(22, prev));
        features.Add(F(23, next));
        features.Add(new Key(24).Then(prev.Length >= 2 ? prev.AsSpan(prev.Length - 2) : prev).Next().Then(pos).Value);
        features.Add(new Key(25).Then(next.Length >= 2 ? next.AsSpan(0, 2) : next).Next().Then(pos).Value);
        features.Add(new Key(26).Then(unit).Next().Then(pos).Then(i - ws).Value);
        // The word's first syllables, the character against the kinds around it, and the whole neighbouring words with this position.
        features.Add(new Key(27).Then(unit.Length >= 2 ? unit.AsSpan(0, 2) : unit).Next().Then(pos).Value);
        features.Add(new Key(28).Then(c).Next().Then(K(i - 1)).Then(K(i + 1)).Value);
        features.Add(new Key(29).Then(prev).Next().Then(pos).Then(c).Value);
        features.Add(new Key(30).Then(we - i).Next().Then(c).Value);
        features.Add(new Key(31).Then(after.Length <= 3 ? after : after[..3]).Next().Then(pos).Value);
        // The word without its particle: "서울에서" and "서울은" share the stem 서울, and the particle says the role.
        var josa = JosaLength(unit);
        var josaStemLength = unit.Length - josa;
        var k = i - ws;
        var inJosaStem = PlaceIn(k, josaStemLength);
        var josaStem = unit.AsSpan(0, josaStemLength);
        features.Add(new Key(34).Then(josaStem).Next().Then(inJosaStem).Value);
        features.Add(new Key(35).Then(josa == 0 ? "-" : unit.AsSpan(josaStemLength)).Next().Then(inJosaStem).Value);
        features.Add(LengthKey(36, josaStemLength, 6).Next().Then(inJosaStem).Then(c).Value);
        // The stem's ending as a class: a place's (시, 강, 역), an organisation's (부, 당, 전자) or a person's title (씨, 장관).
        var cls = SuffixClass(josaStem);
        if (cls.Length > 0) { features.Add(new Key(60).Then(cls).Next().Then(inJosaStem).Value); features.Add(new Key(61).Then(cls).Next().Then(LengthPart(josaStemLength, 6)).Value); }
        if (s.Lexicon.Length == n && s.Lexicon[i].Length > 0)
        {
            // A name of the Korean lexicon anywhere in the eojeol, "=" when it is the whole stem.
            features.Add(F(65, s.Lexicon[i]));
            features.Add(new Key(66).Then(s.Lexicon[i]).Next().Then(pos).Value);
            features.Add(F(67, s.Lexicon[i], c));
        }
        // The stem without particle and title ("김씨는" → 김), which the lexicon features below read (all filled together, by KoreanMarks).
        var (stemLength, titleLength) = s.Surname.Length == n ? KoreanStem(unit) : (0, 0);
        var inStem = PlaceIn(k, stemLength);
        if (s.Surname.Length == n && s.Surname[i] > 0)
        {
            // The stem starts with a surname: a 2–4 syllable stem is then often a person's name ("박근혜", "김모").
            var nameLength = stemLength - titleLength;
            var where = k < s.Surname[i] ? 'S' : k < nameLength ? 'G' : k < stemLength ? 'T' : 'J';
            features.Add(new Key(68).Then(where).Next().Then(nameLength).Value);
            features.Add(new Key(69).Then(where).Then(nameLength).Next().Then(titleLength > 0 ? unit.AsSpan(nameLength, titleLength) : "-").Value);
        }
        if (s.Vocabulary.Length == n && s.Vocabulary[i].Length > 0)
        {
            // A stem that is no common word ("해서웨이") is more likely a name; with a surname, whether the rest is a word ("김치" is, "철수" is not).
            features.Add(F(72, s.Vocabulary[i], inStem));
            features.Add(new Key(73).Then(s.Vocabulary[i]).Then(LengthPart(stemLength, 4)).Next().Then(inStem).Then(s.Surname[i]).Value);
        }
        if (s.Foreign.Length == n)
        {
            // How foreign the stem sounds ("해서웨이", "스티븐"), with the words around it: foreign names run over several eojeols.
            var here = ForeignPart(s.Foreign[i]);
            var foreignBefore = ws >= 2 ? ForeignPart(s.Foreign[ws - 2]) : "<s>";
            var foreignAfter = we + 2 < n ? ForeignPart(s.Foreign[we + 2]) : "</s>";
            features.Add(new Key(74).Then(here).Next().Then(inStem).Value);
            features.Add(new Key(75).Then(here).Then(s.Vocabulary[i]).Next().Then(inStem).Value);
            features.Add(new Key(76).Then(foreignBefore).Then('|').Then(here).Then('|').Then(foreignAfter).Next().Then(inStem).Value);
        }
        if (s.DictionaryMarks.Length == n)
        {
            // mecab-ko-dic: a proper noun covering the character, and what the stem (and the given name after a surname) is.
            if (s.DictionaryMarks[i].Length > 0)
            {
                features.Add(F(86, s.DictionaryMarks[i]));
                features.Add(new Key(87).Then(s.DictionaryMarks[i]).Next().Then(pos).Value);
            }
            features.Add(F(88, s.DictionaryStem[i], inStem));
            features.Add(new Key(89).Then(s.DictionaryStem[i]).Then(s.Surname[i]).Next().Then(inStem).Then(LengthPart(stemLength, 4)).Value);
            // The neighbouring eojeols' stems: names of several words ("도널드 트럼프"), and the longest dictionary word over the character.
            var stemBefore = ws >= 2 ? s.DictionaryStem[ws - 2] : "<s>";
            var stemAfter = we + 2 < n ? s.DictionaryStem[we + 2] : "</s>";
            features.Add(new Key(90).Then(stemBefore).Then('/').Then(s.DictionaryStem[i]).Then('/').Then(stemAfter).Next().Then(inStem).Value);
            if (s.DictionaryWords[i].Length > 0) features.Add(new Key(91).Then(s.DictionaryWords[i]).Next().Then(pos).Value);
        }
        // Four-grams: longer pieces of names and of the words around them.
        features.Add(new Key(70).Then(C(i - 3)).Then(C(i - 2)).Then(C(i - 1)).Next().Then(c).Value);
        features.Add(new Key(71).Then(c).Next().Then(C(i + 1)).Then(C(i + 2)).Then(C(i + 3)).Value);
    }

    /// <summary>A length as a feature part: its digits, or "long" above <paramref name="longAbove"/>.</summary>
    private static string LengthPart(int length, int longAbove) => length > longAbove ? "long" : SmallNumbers[length];

    private static Key LengthKey(int template, int length, int longAbove) => new Key(template).Then(LengthPart(length, longAbove));

    private static readonly string[] ForeignParts = Enumerable.Range(-128, 256).Select(n => n.ToString(CultureInfo.InvariantCulture)).ToArray();

    private static string ForeignPart(sbyte score) => ForeignParts[score + 128];

    // Korean particles (josa) and the commonest particle sequences, longest first.
    private static readonly string[] Josa =
    [
        "에서부터", "으로부터", "에서는", "에서도", "에서의", "에게서", "으로는", "으로도", "으로서", "으로써", "이라고", "이라는", "까지", "부터", "에서",
        "에게", "한테", "으로", "처럼", "보다", "라고", "라는", "와", "과", "은", "는", "이", "가", "을", "를", "의", "에", "로", "도", "만", "께",
    ];

    /// <summary>Length of the particle ending the word, 0 when none (or the word would be left empty).</summary>
    private static int JosaLength(string unit)
    {
        foreach (var j in Josa)
            if (unit.Length > j.Length && unit.EndsWith(j, StringComparison.Ordinal)) return j.Length;
        return 0;
    }
}

/// <summary>BIO labels over the three entity types, and the mapping from schema to type.</summary>
public static class NerLabels
{
    public static string TypeOf(Vigil.Model.EntitySchema schema) => schema switch
    {
        Vigil.Model.EntitySchema.Person => "PER",
        Vigil.Model.EntitySchema.Location => "LOC",
        _ => "ORG",
    };

    public static Vigil.Model.EntitySchema SchemaOf(string type) => type switch
    {
        "PER" => Vigil.Model.EntitySchema.Person,
        // LOCORG (factRuEval's LocOrg: a country or city acting, "Россия заявила") is still a place to screen and map.
        "LOC" or "LOCORG" => Vigil.Model.EntitySchema.Location,
        _ => Vigil.Model.EntitySchema.Organization,
    };

    /// <summary>Entity spans (type, first token, last token inclusive) from BIO tags, seqeval-style: a stray I- starts an entity.</summary>
    public static List<(string Type, int First, int Last)> Spans(IReadOnlyList<string> tags)
    {
        var spans = new List<(string, int, int)>();
        string? type = null; var start = 0;
        for (var i = 0; i <= tags.Count; i++)
        {
            var t = i < tags.Count ? tags[i] : "O";
            var isB = t.StartsWith("B-", StringComparison.Ordinal);
            var isI = t.StartsWith("I-", StringComparison.Ordinal);
            var ty = isB || isI ? t[2..] : null;
            if (type is not null && (!isI || ty != type))
            {
                spans.Add((type, start, i - 1));
                type = null;
            }
            if (isB || (isI && type is null)) { type = ty; start = i; }
        }
        return spans;
    }
}
