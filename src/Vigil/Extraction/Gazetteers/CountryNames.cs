using Vigil.Model;

namespace Vigil.Extraction.Gazetteers;

/// <summary>
/// Country and territory names in many languages from ICU's CLDR data (libicu through icu.net):
/// every two-letter region code ICU can name, displayed in each language Vigil reads plus a few
/// more. The English display name is the canonical one ("Corea del Nord" → "North Korea").
/// </summary>
public static class CountryNames
{
    /// <summary>Languages whose country names are loaded: the ones Vigil reads, and neighbours whose spellings appear in news.</summary>
    public static readonly string[] Languages = ["en", "it", "fr", "es", "de", "ru", "ko", "pt", "nl", "uk"];

    // CLDR regions that are organisations or pseudo-regions rather than places.
    private static readonly Dictionary<string, EntitySchema> Special = new()
    {
        ["UN"] = EntitySchema.Organization, ["EU"] = EntitySchema.Organization,
    };
    private static readonly HashSet<string> Skip = ["EZ", "QO", "XA", "XB", "ZZ", "AA", "QM", "QN", "QP", "QQ", "QR", "QS", "QT", "QU", "QV", "QW", "QX", "QY", "QZ", "XK"];

    public sealed record Country(string Code, string English, EntitySchema Schema, IReadOnlyList<string> Names);

    public static IReadOnlyList<Country> Load()
    {
        Vigil.Text.IcuRuntime.EnsureReady();
        var result = new List<Country>();
        var displays = Languages.Select(l => new Icu.Locale(l)).ToArray();
        for (var a = 'A'; a <= 'Z'; a++)
        for (var b = 'A'; b <= 'Z'; b++)
        {
            var code = $"{a}{b}";
            if (Skip.Contains(code)) continue;
            var region = new Icu.Locale("und", code);
            var english = region.GetDisplayCountry(displays[0]);
            if (string.IsNullOrEmpty(english) || english == code) continue;
            var names = new List<string>();
            foreach (var d in displays)
            {
                var n = region.GetDisplayCountry(d);
                if (!string.IsNullOrEmpty(n) && n != code && !names.Contains(n)) names.Add(n);
            }
            result.Add(new Country(code, english, Special.GetValueOrDefault(code, EntitySchema.Location), names));
        }
        return result;
    }
}
