using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Vigil.Extraction.Gazetteers;

/// <summary>What a Russian word form is as a proper noun, from its OpenCorpora grammemes (a form may be several).</summary>
[Flags]
public enum ProperNounKind : byte
{
    None = 0,
    /// <summary>Name: a first name (Сергей).</summary>
    FirstName = 1,
    /// <summary>Surn: a surname (Путин).</summary>
    Surname = 2,
    /// <summary>Patr: a patronymic (Владимирович).</summary>
    Patronymic = 4,
    /// <summary>Geox: a toponym (Курск, Москва).</summary>
    Place = 8,
    /// <summary>Orgn: an organisation (Газпром).</summary>
    Organisation = 16,
    /// <summary>Trad: a trademark.</summary>
    Trademark = 32,
}

/// <summary>One dictionary reading of a word form: its lemma (the paradigm's first form), part of speech and proper-noun kind.</summary>
public readonly record struct LexiconParse(string Lemma, string PartOfSpeech, ProperNounKind Proper, bool Abbreviation);

/// <summary>
/// The Russian morphological dictionary of OpenCorpora (opencorpora.org, CC BY-SA 3.0) as compiled in
/// pymorphy2's format and shipped by the npm package az 0.2.3 (MIT) in package/dicts/, which
/// scripts/setup-machine.sh installs (see <see cref="Data"/>). Read in place, never copied:
/// words.dawg (a dawgdic DAWG with its guide; keys are the cp1251 word form, the separator 0x01 and four
/// payload bytes giving the paradigm and the form's index in it), paradigms.array (little-endian uint16:
/// a count, then each paradigm's length and its suffix ids, tag ids and prefix ids in thirds),
/// suffixes.json and gramtab-opencorpora-int.json. The DAWG's arrays stay as they are on disk (about
/// 5 MB), so lookups walk the automaton instead of a dictionary of millions of strings.
/// </summary>
public sealed class OpenCorporaLexicon
{
    /// <summary>Where the dictionary is installed (VIGIL_OPENCORPORA, else /usr/local/share/vigil/az/dicts), and how to install it.</summary>
    public static readonly InstalledData Data = new("The OpenCorpora Russian dictionary (npm package az 0.2.3, package/dicts)", "VIGIL_OPENCORPORA",
        "/usr/local/share/vigil/az/dicts", ["words.dawg", "paradigms.array", "suffixes.json", "gramtab-opencorpora-int.json"]);

    public const ProperNounKind AnyProper = ProperNounKind.FirstName | ProperNounKind.Surname | ProperNounKind.Patronymic
        | ProperNounKind.Place | ProperNounKind.Organisation | ProperNounKind.Trademark;

    // The paradigm prefixes the dictionary was compiled with (meta.json, compile_options.paradigm_prefixes).
    private static readonly string[] Prefixes = ["", "по", "наи"];
    private const byte Separator = 1;

    private readonly uint[] _units;
    private readonly byte[] _guide;
    private readonly ushort[] _paradigmData;
    private readonly int[] _paradigmStart;
    private readonly string[] _suffixes;
    private readonly ProperNounKind[] _tagProper;
    private readonly bool[] _tagAbbreviation;
    private readonly string[] _tagPartOfSpeech;
    private readonly string[][] _tagGrammemes;

    private OpenCorporaLexicon(uint[] units, byte[] guide, ushort[] paradigmData, int[] paradigmStart, string[] suffixes, string[] tags)
    {
        _units = units; _guide = guide; _paradigmData = paradigmData; _paradigmStart = paradigmStart; _suffixes = suffixes;
        _tagProper = new ProperNounKind[tags.Length];
        _tagAbbreviation = new bool[tags.Length];
        _tagPartOfSpeech = new string[tags.Length];
        _tagGrammemes = new string[tags.Length][];
        for (var t = 0; t < tags.Length; t++)
        {
            // "NOUN,anim,masc,Sgtm,Surn sing,gent": the part of speech first, grammemes separated by commas and a space.
            var grammemes = tags[t].Split([',', ' '], StringSplitOptions.RemoveEmptyEntries).Select(string.Intern).ToArray();
            _tagGrammemes[t] = grammemes;
            _tagPartOfSpeech[t] = string.Intern(grammemes.Length > 0 ? grammemes[0] : "");
            foreach (var g in grammemes)
            {
                _tagProper[t] |= g switch
                {
                    "Name" => ProperNounKind.FirstName,
                    "Surn" => ProperNounKind.Surname,
                    "Patr" => ProperNounKind.Patronymic,
                    "Geox" => ProperNounKind.Place,
                    "Orgn" => ProperNounKind.Organisation,
                    "Trad" => ProperNounKind.Trademark,
                    _ => ProperNounKind.None,
                };
                if (g == "Abbr") _tagAbbreviation[t] = true;
            }
        }
    }

    private static readonly Lazy<OpenCorporaLexicon?> InstalledLexicon = Data.LoadOnce(Load);

    /// <summary>The installed dictionary, read once per process; null when it is not installed.</summary>
    public static OpenCorporaLexicon? Installed => InstalledLexicon.Value;

    public static OpenCorporaLexicon Load(string directory)
    {
        if (!Data.IsInstalledAt(directory)) throw new FileNotFoundException(Data.MissingMessage(directory));
        var (units, guide) = ReadDawg(Path.Combine(directory, "words.dawg"));
        var (data, starts) = ReadParadigms(Path.Combine(directory, "paradigms.array"));
        var suffixes = ReadStrings(Path.Combine(directory, "suffixes.json"));
        var tags = ReadStrings(Path.Combine(directory, "gramtab-opencorpora-int.json"));
        return new OpenCorporaLexicon(units, guide, data, starts, suffixes, tags);
    }

    private static (uint[] Units, byte[] Guide) ReadDawg(string path)
    {
        var bytes = File.ReadAllBytes(path);
        // dawgdic's layout: uint32 unit count, the units, uint32 guide-entry count, two bytes (child, sibling label) per entry.
        var unitCount = bytes.Length >= 4 ? BitConverter.ToUInt32(bytes, 0) : 0;
        var guideAt = 4 + 4L * unitCount;
        if (unitCount == 0 || guideAt + 4 > bytes.Length) throw new InvalidDataException($"{path} is not a dawgdic DAWG (unit count {unitCount}, {bytes.Length} bytes).");
        var guideCount = BitConverter.ToUInt32(bytes, (int)guideAt);
        if (guideAt + 4 + 2L * guideCount != bytes.Length) throw new InvalidDataException($"{path} is not a dawgdic DAWG with a guide (sizes do not add up).");
        var units = MemoryMarshal.Cast<byte, uint>(bytes.AsSpan(4, (int)unitCount * 4)).ToArray();
        var guide = bytes.AsSpan((int)guideAt + 4, (int)guideCount * 2).ToArray();
        return (units, guide);
    }

    private static (ushort[] Data, int[] Starts) ReadParadigms(string path)
    {
        var data = MemoryMarshal.Cast<byte, ushort>(File.ReadAllBytes(path)).ToArray();
        if (data.Length == 0) throw new InvalidDataException($"{path} is empty.");
        var count = data[0];
        var starts = new int[count + 1];
        var pos = 1;
        for (var p = 0; p < count; p++)
        {
            if (pos >= data.Length) throw new InvalidDataException($"{path} ends inside paradigm {p} of {count}.");
            var size = data[pos];
            if (size % 3 != 0 || pos + 1 + size > data.Length) throw new InvalidDataException($"{path}: paradigm {p} has a bad length {size}.");
            starts[p] = pos;
            pos += 1 + size;
        }
        starts[count] = pos;
        return (data, starts);
    }

    private static string[] ReadStrings(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<string[]>(stream) ?? throw new InvalidDataException($"{path} is not a JSON array of strings.");
    }

    public int ParadigmCount => _paradigmStart.Length - 1;

    /// <summary>Bytes held by the dictionary's arrays (the DAWG, its guide and the paradigms; strings not counted).</summary>
    public long ArrayBytes => _units.Length * 4L + _guide.Length + _paradigmData.Length * 2L;

    // --- The DAWG (dawgdic's unit layout) ---

    private static uint Offset(uint unit) => (unit >> 10) << (int)((unit & (1u << 9)) >> 6);

    private static uint Label(uint unit) => unit & ((1u << 31) | 0xFF);

    private static bool HasLeaf(uint unit) => (unit & (1u << 8)) != 0;

    private int Follow(int index, byte label)
    {
        var next = (int)((uint)index ^ Offset(_units[index]) ^ label);
        return (uint)next < (uint)_units.Length && Label(_units[next]) == label ? next : -1;
    }

    /// <summary>Russian letters, ё and ASCII in cp1251, the DAWG's key encoding; 0 for any other character.</summary>
    private static byte ToCp1251(char c) => c switch
    {
        < '\u0080' => (byte)c,
        >= 'А' and <= 'я' => (byte)(c - 'А' + 0xC0),
        'ё' => 0xB8,
        'Ё' => 0xA8,
        _ => 0,
    };

    private static char FromCp1251(byte b) => b switch
    {
        < 0x80 => (char)b,
        >= 0xC0 => (char)('А' + (b - 0xC0)),
        0xB8 => 'ё',
        0xA8 => 'Ё',
        _ => '?',
    };

    /// <summary>Every reading of the word form (any case; "е" also tries "ё", as texts seldom write it), dictionary order.</summary>
    public IReadOnlyList<LexiconParse> Parse(string word) => Readings(word).Select(r => Reading(r.Form, r.Paradigm, r.FormIndex)).ToList();

    /// <summary>A form found in the dictionary (as the dictionary spells it) with its paradigm and index there.</summary>
    private readonly record struct Found(string Form, int Paradigm, int FormIndex);

    private List<Found> Readings(string word)
    {
        var results = new List<Found>();
        if (word.Length == 0 || word.Length > 64) return results;
        var lower = word.ToLowerInvariant();
        Span<byte> key = stackalloc byte[lower.Length];
        for (var i = 0; i < lower.Length; i++)
        {
            key[i] = ToCp1251(lower[i]);
            if (key[i] is 0 or Separator) return results;
        }
        Walk(key, 0, 0, results);
        return results;
    }

    private void Walk(Span<byte> key, int pos, int index, List<Found> results)
    {
        for (; pos < key.Length; pos++)
        {
            if (key[pos] == 0xE5) // е: the dictionary may spell this form with ё
            {
                var yo = Follow(index, 0xB8);
                if (yo >= 0)
                {
                    key[pos] = 0xB8;
                    Walk(key, pos + 1, yo, results);
                    key[pos] = 0xE5;
                }
            }
            index = Follow(index, key[pos]);
            if (index < 0) return;
        }
        var payloads = Follow(index, Separator);
        if (payloads < 0) return;
        Span<byte> payload = stackalloc byte[4];
        string? form = null;
        foreach (var (paradigm, formIndex) in Payloads(payloads, payload))
        {
            form ??= Decode(key);
            results.Add(new Found(form, paradigm, formIndex));
        }
    }

    private static string Decode(ReadOnlySpan<byte> key)
    {
        var sb = new StringBuilder(key.Length);
        foreach (var b in key) sb.Append(FromCp1251(b));
        return sb.ToString();
    }

    /// <summary>The four-byte payloads under a node, in key order: az packs each uint16 into two bytes as ((hi ^ 1) &lt;&lt; 6) + (lo &gt;&gt; 1), keeping zero bytes out of keys.</summary>
    private List<(int Paradigm, int Form)> Payloads(int index, Span<byte> buffer)
    {
        var found = new List<(int, int)>(4);
        CollectPayloads(index, buffer, 0, found);
        return found;
    }

    private void CollectPayloads(int index, Span<byte> buffer, int depth, List<(int, int)> found)
    {
        if (depth == 4)
        {
            if (!HasLeaf(_units[index])) return;
            var paradigm = ((buffer[0] ^ 1) << 6) + (buffer[1] >> 1);
            var form = ((buffer[2] ^ 1) << 6) + (buffer[3] >> 1);
            if (paradigm >= ParadigmCount || form >= _paradigmData[_paradigmStart[paradigm]] / 3)
                throw new InvalidDataException($"words.dawg names form {form} of paradigm {paradigm}, which paradigms.array ({ParadigmCount} paradigms) does not have.");
            found.Add((paradigm, form));
            return;
        }
        for (var label = _guide[index * 2]; label != 0;)
        {
            var child = Follow(index, label);
            if (child < 0) return;
            buffer[depth] = label;
            CollectPayloads(child, buffer, depth + 1, found);
            label = _guide[child * 2 + 1];
        }
    }

    private LexiconParse Reading(string form, int paradigm, int formIndex)
    {
        var tag = TagOf(paradigm, formIndex);
        // The lemma is the paradigm's first form.
        return new LexiconParse(FormOf(new Found(form, paradigm, formIndex), 0), _tagPartOfSpeech[tag], _tagProper[tag], _tagAbbreviation[tag]);
    }

    /// <summary>
    /// The word put in the nominative, keeping its number and gender ("Курской" → "курская", "Путину" →
    /// "путин", "Ивановой" → "иванова", "Штатов" → "штаты"), lower-cased as the dictionary writes it;
    /// null when the word is unknown or has no nominative. With <paramref name="preferProper"/>, a
    /// proper-noun reading is taken before a common one; otherwise the dictionary's order decides.
    /// </summary>
    public string? Nominative(string word, bool preferProper = false)
    {
        var readings = Readings(word);
        if (readings.Count == 0) return null;
        var ordered = preferProper ? readings.OrderBy(r => (_tagProper[TagOf(r.Paradigm, r.FormIndex)] & AnyProper) == 0 ? 1 : 0).ToList() : readings;
        foreach (var r in ordered)
        {
            var tag = _tagGrammemes[TagOf(r.Paradigm, r.FormIndex)];
            if (!tag.Any(IsCase)) continue;
            var start = _paradigmStart[r.Paradigm] + 1;
            var forms = _paradigmData[start - 1] / 3;
            for (var f = 0; f < forms; f++)
            {
                var other = _tagGrammemes[_paradigmData[start + forms + f]];
                if (other.Length != tag.Length || !other.Contains("nomn")) continue;
                if (!tag.All(g => IsCase(g) || other.Contains(g))) continue;
                return FormOf(r, f);
            }
        }
        return null;
    }

    private static bool IsCase(string grammeme) => grammeme is "nomn" or "gent" or "datv" or "accs" or "ablt" or "loct" or "voct" or "gen1" or "gen2" or "acc2" or "loc1" or "loc2";

    private int TagOf(int paradigm, int formIndex)
    {
        var start = _paradigmStart[paradigm] + 1;
        return _paradigmData[start + _paradigmData[start - 1] / 3 + formIndex];
    }

    /// <summary>Form <paramref name="target"/> of the reading's paradigm, built on the reading's stem.</summary>
    private string FormOf(Found r, int target)
    {
        var start = _paradigmStart[r.Paradigm] + 1;
        var forms = _paradigmData[start - 1] / 3;
        var prefix = Prefixes[_paradigmData[start + 2 * forms + r.FormIndex]];
        var suffix = _suffixes[_paradigmData[start + r.FormIndex]];
        var stem = r.Form.Substring(Math.Min(prefix.Length, r.Form.Length), Math.Max(0, r.Form.Length - prefix.Length - suffix.Length));
        return Prefixes[_paradigmData[start + 2 * forms + target]] + stem + _suffixes[_paradigmData[start + target]];
    }

    /// <summary>
    /// Every word form whose reading is a proper noun (a first name, surname, patronymic, toponym,
    /// organisation or trademark), with its lemma and kind; a form with several such readings comes once per reading.
    /// </summary>
    public IEnumerable<(string Form, string Lemma, ProperNounKind Kind)> ProperNouns() => WalkForms(new List<byte>(32), []);

    private IEnumerable<(string Form, string Lemma, ProperNounKind Kind)> WalkForms(List<byte> key, List<(string, string, ProperNounKind)> scratch)
    {
        // An explicit stack of (node, next child label to try) keeps deep keys off the call stack.
        var nodes = new List<(int Index, byte NextLabel)> { (0, _guide[0]) };
        var payload = new byte[4];
        while (nodes.Count > 0)
        {
            var (index, label) = nodes[^1];
            if (label == 0)
            {
                nodes.RemoveAt(nodes.Count - 1);
                if (key.Count > 0) key.RemoveAt(key.Count - 1);
                continue;
            }
            var child = Follow(index, label);
            nodes[^1] = (index, child >= 0 ? _guide[child * 2 + 1] : (byte)0);
            if (child < 0) continue;
            if (label == Separator)
            {
                scratch.Clear();
                string? form = null;
                foreach (var (paradigm, formIndex) in Payloads(child, payload))
                {
                    if ((_tagProper[TagOf(paradigm, formIndex)] & AnyProper) == 0) continue;
                    form ??= Decode(CollectionsMarshal.AsSpan(key));
                    var reading = Reading(form, paradigm, formIndex);
                    scratch.Add((form, reading.Lemma, reading.Proper));
                }
                foreach (var item in scratch) yield return item;
                continue;
            }
            key.Add(label);
            nodes.Add((child, _guide[child * 2]));
        }
    }
}
