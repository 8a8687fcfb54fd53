using System.Text.Json;

namespace Vigil.Pipeline.Evaluation;

/// <summary>A hand-annotated entity of one seed article: its canonical name, type, every surface form, and its listing.</summary>
/// <param name="SanctionedBy">Regimes that list it (UN, US-OFAC, EU, UK); empty when the annotator is sure none does, null when unsure.</param>
public sealed record GoldEntity(string Name, string Type, IReadOnlyList<string> Surfaces, IReadOnlyList<string>? SanctionedBy, bool BoilerplateOnly);

/// <summary>A hand-annotated claim or event: its type, actors, text-grounded date, who says so, who denies it, and the words that support it.</summary>
public sealed record GoldEvent(string Type, IReadOnlyList<string> Actors, string? Date, string? Attribution, IReadOnlyList<string> DeniedBy, string Evidence);

/// <summary>The annotations of one seed article (shared/data/seeds_gold/NNN_hash.json).</summary>
public sealed record GoldDocument(string SeedFile, IReadOnlyList<GoldEntity> Entities, IReadOnlyList<GoldEvent> Events);

/// <summary>
/// Reads the seed gold set: development annotations of the five seed articles, one annotator, no second pass.
/// The format is described in shared/data/seeds_gold/README.md.
/// </summary>
public static class SeedGold
{
    public static string Folder(string sharedRoot) => Path.Combine(sharedRoot, "data", "seeds_gold");

    public static IReadOnlyList<GoldDocument> Load(string sharedRoot)
    {
        var folder = Folder(sharedRoot);
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"The seed annotations were not found at {folder}. Put the shared data folder beside the repository as ../shared.");
        return Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(Read).ToList();
    }

    public static GoldDocument Read(string path)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            var root = json.RootElement;
            var entities = root.GetProperty("entities").EnumerateArray().Select(e => new GoldEntity(
                e.GetProperty("name").GetString()!,
                e.GetProperty("type").GetString()!,
                Strings(e.GetProperty("surface")),
                e.TryGetProperty("sanctioned_by", out var s) && s.ValueKind == JsonValueKind.Array ? Strings(s) : null,
                e.TryGetProperty("boilerplate_only", out var b) && b.ValueKind == JsonValueKind.True)).ToList();
            var events = root.GetProperty("events").EnumerateArray().Select(e => new GoldEvent(
                e.GetProperty("type").GetString()!,
                Strings(e.GetProperty("actors")),
                OptionalString(e, "date"),
                OptionalString(e, "source_attribution"),
                e.TryGetProperty("denied_by", out var d) ? Strings(d) : [],
                e.GetProperty("evidence").GetString()!)).ToList();
            return new GoldDocument(root.GetProperty("doc").GetString()!, entities, events);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path}: not a seed annotation file as shared/data/seeds_gold/README.md describes ({e.Message}).", e);
        }
    }

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(x => x.GetString()!).ToArray();

    private static string? OptionalString(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
