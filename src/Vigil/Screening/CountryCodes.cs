using Vigil.Extraction.Gazetteers;
using Vigil.Text;

namespace Vigil.Screening;

/// <summary>
/// Maps the country names lists use ("Korea, North", "Democratic People's Republic of Korea",
/// "Russian Federation", "Iran (Islamic Republic of)") to ISO 3166 alpha-2 codes. Names come from
/// CLDR through ICU (<see cref="CountryNames"/>: English, Italian, French, Spanish, German, Russian, Korean, ...), plus the list spellings CLDR lacks.
/// </summary>
public static class CountryCodes
{
    private static readonly Lazy<Dictionary<string, string>> ByName = new(Build);

    // Spellings used by the UN, OFAC, EU, UK, Canada and Australia that CLDR does not give.
    private static readonly (string Name, string Code)[] ListSpellings =
    [
        ("Korea, North", "KP"), ("North Korea", "KP"), ("Democratic People's Republic of Korea", "KP"), ("DPRK", "KP"), ("Korea (North)", "KP"),
        ("Korea, South", "KR"), ("South Korea", "KR"), ("Republic of Korea", "KR"), ("Korea", "KR"),
        ("Russian Federation", "RU"), ("Russia", "RU"), ("USSR", "RU"), ("Iran (Islamic Republic of)", "IR"), ("Iran", "IR"),
        ("Syrian Arab Republic", "SY"), ("Syria", "SY"), ("Burma", "MM"), ("Myanmar", "MM"), ("Palestinian", "PS"), ("Palestine", "PS"),
        ("Congo, Democratic Republic of the", "CD"), ("Democratic Republic of the Congo", "CD"), ("Congo, Republic of the", "CG"),
        ("United Kingdom of Great Britain and Northern Ireland", "GB"), ("United Kingdom", "GB"), ("UK", "GB"),
        ("United States of America", "US"), ("United States", "US"), ("USA", "US"), ("United Republic of Tanzania", "TZ"),
        ("Venezuela, Bolivarian Republic of", "VE"), ("Bolivia (Plurinational State of)", "BO"), ("Lao People's Democratic Republic", "LA"),
        ("Viet Nam", "VN"), ("Turkey", "TR"), ("Turkiye", "TR"), ("Türkiye", "TR"), ("Cote d'Ivoire", "CI"), ("Côte d'Ivoire", "CI"),
        ("Moldova, Republic of", "MD"), ("Republic of Moldova", "MD"), ("Macedonia", "MK"), ("Czech Republic", "CZ"), ("Kosovo", "XK"),
        ("Gaza", "PS"), ("West Bank", "PS"), ("Crimea", "UA"), ("Region: Crimea", "UA"), ("Belarus", "BY"), ("Libyan Arab Jamahiriya", "LY"),
    ];

    /// <summary>The ISO alpha-2 code for a country name or code, or null when unknown.</summary>
    public static string? TryGetCode(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var key = Key(name);
        if (key.Length == 0) return null;
        return ByName.Value.TryGetValue(key, out var code) ? code : null;
    }

    /// <summary>The code when known, else the name as listed (trimmed).</summary>
    public static string CodeOrName(string name) => TryGetCode(name) ?? name.Trim();

    private static string Key(string name) => string.Join(' ', NameFolding.Tokens(Transliteration.FoldLatin(name.Trim())));

    /// <summary>True when the whole of <paramref name="name"/> is a country's name in one of the languages Vigil reads.</summary>
    public static bool IsCountryName(string name) => ByName.Value.ContainsKey(Key(Transliteration.ToLatin(name)));

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        Transliteration.EnsureIcu();
        foreach (var country in CountryNames.Load())
        {
            if (country.Schema != Vigil.Model.EntitySchema.Location) continue;
            map.TryAdd(Key(country.Code), country.Code);
            foreach (var name in country.Names) map.TryAdd(Key(Transliteration.ToLatin(name)), country.Code);
        }
        foreach (var (name, code) in ListSpellings) map[Key(name)] = code;
        map.Remove("");
        return map;
    }
}
