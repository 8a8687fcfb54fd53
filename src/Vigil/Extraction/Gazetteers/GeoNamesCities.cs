using System.Text;

namespace Vigil.Extraction.Gazetteers;

/// <summary>
/// City names in many languages from the GeoNames translations that Debian ships in the
/// libgeonames-common package (/usr/share/locale/LANG/LC_MESSAGES/geonames.mo, GeoNames data,
/// CC BY 4.0). Each catalogue maps a GeoNames id to the city's name in that language; the
/// English catalogue gives the canonical name ("Mosca" → "Moscow"). A city is kept only when
/// at least <see cref="MinLanguages"/> of the <see cref="ImportanceLanguages"/> name it, which
/// keeps the well-known places and drops small towns whose names are everyday words.
/// </summary>
public static class GeoNamesCities
{
    public const string DefaultRoot = "/usr/share/locale";
    public static readonly string[] ImportanceLanguages =
        ["en", "it", "fr", "es", "de", "ru", "ko", "pt", "nl", "pl", "ja", "zh", "uk", "ar", "tr", "sv", "cs", "fi", "hu", "ro"];
    public static readonly string[] ReadLanguages = ["en", "it", "fr", "es", "de", "ru", "ko", "uk"];
    public const int MinLanguages = 10;

    public sealed record City(string GeoNameId, string English, IReadOnlyList<string> Names);

    public static string CatalogPath(string root, string lang) => Path.Combine(root, lang, "LC_MESSAGES", "geonames.mo");

    public static bool IsAvailable(string root = DefaultRoot) => File.Exists(CatalogPath(root, "en"));

    public static IReadOnlyList<City> Load(string root = DefaultRoot)
    {
        if (!IsAvailable(root))
            throw new FileNotFoundException(
                $"GeoNames city names were not found at {CatalogPath(root, "en")}. Install the Debian package libgeonames-common (scripts/setup-machine.sh does).");
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var catalogs = new Dictionary<string, Dictionary<string, string>>();
        foreach (var lang in ImportanceLanguages)
        {
            var path = CatalogPath(root, lang);
            if (!File.Exists(path)) continue;
            var catalog = ReadMo(path);
            foreach (var id in catalog.Keys) counts[id] = counts.GetValueOrDefault(id) + 1;
            if (ReadLanguages.Contains(lang)) catalogs[lang] = catalog;
        }
        var english = catalogs["en"];
        var result = new List<City>();
        foreach (var (id, en) in english)
        {
            if (counts.GetValueOrDefault(id) < MinLanguages) continue;
            var names = new List<string> { en };
            foreach (var lang in ReadLanguages)
            {
                if (!catalogs.TryGetValue(lang, out var c) || !c.TryGetValue(id, out var n)) continue;
                if (!names.Contains(n)) names.Add(n);
                if (lang == "ko" && KoreanShortForm(n) is { } shortName && !names.Contains(shortName)) names.Add(shortName);
            }
            result.Add(new City(id, en, names));
        }
        return result;
    }

    // GeoNames writes Korean administrative units in full ("평양직할시", "서울특별시"); the press mostly drops the unit.
    private static readonly string[] KoreanUnitSuffixes = ["특별자치시", "특별자치도", "특별시", "광역시", "직할시", " 시", " 주", " 현", " 구", " 군", "시", "군"];

    /// <summary>A Korean place name without its administrative unit ("부산광역시" → "부산"), or null when that would leave one syllable.</summary>
    public static string? KoreanShortForm(string name)
    {
        foreach (var suffix in KoreanUnitSuffixes)
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length - suffix.Length >= 2)
                return name[..^suffix.Length];
        return null;
    }

    /// <summary>Reads a GNU gettext .mo catalogue (little- or big-endian) into msgid → msgstr.</summary>
    public static Dictionary<string, string> ReadMo(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 28) throw new InvalidDataException($"{path} is too short to be a gettext catalogue.");
        var magic = BitConverter.ToUInt32(bytes, 0);
        var little = magic == 0x950412de;
        if (!little && magic != 0xde120495) throw new InvalidDataException($"{path} is not a gettext .mo catalogue (bad magic number).");
        uint U(int at) => little ? BitConverter.ToUInt32(bytes, at) : System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at));
        var n = (int)U(8);
        var orig = (int)U(12);
        var trans = (int)U(16);
        var result = new Dictionary<string, string>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var ol = (int)U(orig + 8 * i); var oo = (int)U(orig + 8 * i + 4);
            var tl = (int)U(trans + 8 * i); var to = (int)U(trans + 8 * i + 4);
            if (ol == 0) continue; // the header entry
            var key = Encoding.UTF8.GetString(bytes, oo, ol);
            var value = Encoding.UTF8.GetString(bytes, to, tl);
            if (value.Length > 0) result[key] = value;
        }
        return result;
    }
}
