using System.Globalization;
using Vigil.Model;

namespace Vigil.Extraction.Gazetteers;

/// <summary>
/// Builds the recogniser's gazetteer at run time from real data: names and aliases of the
/// persons, organisations and vessels on the sanctions lists, ICU/CLDR country names, GeoNames
/// city names, and Vigil's own reviewed lexicon (resources/extraction/entities.tsv).
/// </summary>
public static class GazetteerBuilder
{
    // Reviewed lexicon beats generated data; countries beat cities; list names come last, because
    // a list alias such as "KOREA" must not turn a country into a sanctioned company.
    public const int LexiconPriority = 40, CountryPriority = 30, CityPriority = 20, ListPriority = 10;

    /// <summary>The source of the GeoNames city names: a lone word found only there is a weak place (Vladimir, Paris, Sofia are also first names).</summary>
    public const string CitySource = "geonames";

    private static readonly Lazy<Gazetteer> Places = new(BuildPlaces, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A gazetteer with the shared place and lexicon names plus the given list entries' names.</summary>
    public static Gazetteer Build(IEnumerable<ListEntry> entries, string? resourcesDir = null)
    {
        var g = new Gazetteer();
        foreach (var (key, e) in Places.Value.Entries) g.AddKey(key, e);
        AddLexicon(g, resourcesDir);
        foreach (var entry in entries) AddListEntry(g, entry);
        return g;
    }

    private static Gazetteer BuildPlaces()
    {
        var g = new Gazetteer();
        foreach (var c in CountryNames.Load())
            foreach (var n in c.Names) g.Add(n, new GazetteerEntry(c.English, c.Schema, "icu-cldr", CountryPriority));
        if (GeoNamesCities.IsAvailable())
            foreach (var c in GeoNamesCities.Load())
                foreach (var n in c.Names) g.Add(n, new GazetteerEntry(c.English, EntitySchema.Location, CitySource, CityPriority));
        return g;
    }

    public static string DefaultResourcesDir()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "resources", "extraction");
                if (File.Exists(Path.Combine(candidate, "entities.tsv"))) return candidate;
            }
        }
        throw new DirectoryNotFoundException("resources/extraction/entities.tsv was not found beside the binaries or above the working directory; rebuild Vigil so the resources are copied.");
    }

    public static void AddLexicon(Gazetteer g, string? resourcesDir = null)
    {
        var path = Path.Combine(resourcesDir ?? DefaultResourcesDir(), "entities.tsv");
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            if (parts.Length < 2 || !Enum.TryParse<EntitySchema>(parts[0], out var schema))
                throw new InvalidDataException($"{path}:{lineNo}: expected 'schema<TAB>canonical<TAB>names', got '{line}'.");
            var canonical = parts[1];
            var entry = new GazetteerEntry(canonical, schema, "lexicon", LexiconPriority);
            g.Add(canonical, entry);
            if (parts.Length > 2)
                foreach (var alias in parts[2].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) g.Add(alias, entry);
        }
    }

    public static void AddListEntry(Gazetteer g, ListEntry entry)
    {
        var schema = entry.Schema;
        if (schema == EntitySchema.Location) return;
        var korean = entry.Programs.Any(p => p.Contains("DPRK", StringComparison.OrdinalIgnoreCase) || p.Contains("NK", StringComparison.Ordinal))
                     || entry.Nationalities.Any(n => n is "KP" or "KR" || n.Contains("Korea", StringComparison.OrdinalIgnoreCase));
        if (schema == EntitySchema.Person)
        {
            var primary = PersonForms(entry.Name, korean);
            if (primary is null) return;
            var ge = new GazetteerEntry(primary.Value.Canonical, schema, entry.List, ListPriority) { AllCapitalised = true };
            foreach (var name in entry.Aliases.Prepend(entry.Name))
            {
                var forms = PersonForms(name, korean);
                if (forms is null) continue;
                foreach (var f in forms.Value.Surfaces) g.Add(f, ge);
            }
            g.AddSurname(primary.Value.Surname, primary.Value.Canonical);
            var givenKeys = NameKeys.ForName(primary.Value.Given);
            if (givenKeys.Count > 0 && givenKeys[0].Length >= 3) g.GivenNames.Add(givenKeys[0]);
            return;
        }
        var canonical = Display(entry.Name);
        var entryGe = new GazetteerEntry(canonical, schema, entry.List, ListPriority) { NeedsCue = schema == EntitySchema.Vessel };
        foreach (var name in entry.Aliases.Prepend(entry.Name))
        {
            var keys = NameKeys.ForName(name);
            // One-word organisation aliases ("KOREA", "GOLD") are everyday words far more often than they are the body.
            if (keys.Count < 2 && schema != EntitySchema.Vessel && !(keys.Count == 1 && keys[0].Length >= 7)) continue;
            g.Add(Display(name), entryGe);
        }
    }

    /// <summary>
    /// Surface forms of a listed person's name and the canonical form. "KIM, Jong Un" (surname
    /// first, as OFAC writes it) gives "Kim Jong Un" for Korean names and "Jong Un Kim" otherwise;
    /// a Russian patronymic is dropped from the canonical form ("PUTIN, Vladimir Vladimirovich" →
    /// "Vladimir Putin") but kept as a surface.
    /// </summary>
    public static (string Canonical, string Surname, string Given, List<string> Surfaces)? PersonForms(string name, bool korean)
    {
        string surname; List<string> given;
        // Lists such as the EU's and Canada's write surnames in capitals ("Vladimir PUTIN"): a person's
        // name has no acronyms, so capitalised words are title-cased before the canonical form is built.
        name = string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Display));
        var comma = name.IndexOf(',');
        if (comma > 0)
        {
            surname = Display(name[..comma].Trim());
            given = Display(name[(comma + 1)..].Trim()).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        }
        else
        {
            var parts = Display(name).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            if (parts.Count < 2) return null;
            if (korean) { surname = parts[0]; given = parts.Skip(1).ToList(); }
            else { surname = parts[^1]; given = parts.Take(parts.Count - 1).ToList(); }
        }
        if (given.Count == 0 || surname.Length == 0) return null;
        var noPatronymic = given.Where(t => !IsPatronymic(t)).ToList();
        if (noPatronymic.Count == 0) noPatronymic = given;
        var surfaces = new List<string>
        {
            $"{string.Join(' ', given)} {surname}", $"{surname} {string.Join(' ', given)}",
            $"{string.Join(' ', noPatronymic)} {surname}", $"{noPatronymic[0]} {surname}",
        };
        var canonical = korean ? $"{surname} {string.Join(' ', given)}" : $"{noPatronymic[0]} {surname}";
        return (canonical, surname, korean ? given[0] : noPatronymic[0], surfaces.Distinct().ToList());
    }

    private static bool IsPatronymic(string token) =>
        token.Length > 5 && (token.EndsWith("vich", StringComparison.OrdinalIgnoreCase) || token.EndsWith("vna", StringComparison.OrdinalIgnoreCase)
                             || token.EndsWith("ichna", StringComparison.OrdinalIgnoreCase) || token.EndsWith("вич", StringComparison.Ordinal)
                             || token.EndsWith("вна", StringComparison.Ordinal));

    /// <summary>
    /// List names are often in capitals, wholly ("KIM JONG UN") or for the surname ("Vladimir PUTIN"):
    /// words in capitals become title case ("Kim Jong Un", "Vladimir Putin"); short acronyms in a
    /// mixed-case name ("KCNA") stay as written.
    /// </summary>
    public static string Display(string name)
    {
        var words = name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var allCaps = words.SelectMany(w => w).Where(char.IsLetter).All(c => !char.IsLower(c));
        for (var i = 0; i < words.Length; i++)
        {
            var letters = words[i].Where(char.IsLetter).ToList();
            if (letters.Count == 0 || letters.Any(char.IsLower)) continue;
            if (!allCaps && letters.Count <= 4) continue;
            words[i] = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(words[i].ToLowerInvariant());
        }
        return string.Join(' ', words);
    }
}
