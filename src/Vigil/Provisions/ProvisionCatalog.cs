using System.Text.Json;
using System.Text.Json.Serialization;
using Vigil.Model;

namespace Vigil.Provisions;

/// <summary>Which direction of a claim a provision is about.</summary>
public enum ProvisionDirection
{
    /// <summary>The DPRK is among the recipients (an actor after the first).</summary>
    ToDprk,
    /// <summary>The DPRK is the supplier (the first actor).</summary>
    FromDprk,
    /// <summary>The DPRK is any party.</summary>
    InvolvingDprk,
    /// <summary>A party is designated on the UN Security Council list.</summary>
    DesignatedParty,
}

/// <summary>When a provision applies to a claim: its types, the direction, and words the evidence must contain (any one).</summary>
public sealed record ProvisionRule(IReadOnlyList<ClaimType> Types, ProvisionDirection Direction, IReadOnlyList<string> Keywords);

/// <summary>A provision with the rule that maps claims to it and a note of how its paragraph number was checked.</summary>
public sealed record ProvisionEntry(Provision Provision, ProvisionRule Rule, string? Checked);

/// <summary>
/// A sanctions regime read from a data file under resources/provisions/: what each paragraph
/// prohibits, in Vigil's words, and the names by which texts refer to the sanctioned state.
/// </summary>
public sealed class ProvisionCatalog
{
    public const string DefaultFile = "dprk_unscr.json";

    public required string Regime { get; init; }
    public required string Source { get; init; }
    public required IReadOnlyList<ProvisionEntry> Entries { get; init; }
    public required IReadOnlyList<string> DprkNames { get; init; }

    public IEnumerable<Provision> Provisions => Entries.Select(e => e.Provision);

    /// <summary>The catalogue shipped beside the binaries (resources/provisions/dprk_unscr.json).</summary>
    public static ProvisionCatalog LoadDefault() => Load(FindDefault());

    public static string FindDefault()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "resources", "provisions", DefaultFile);
                if (File.Exists(candidate)) return candidate;
            }
        throw new FileNotFoundException(
            $"The provisions file resources/provisions/{DefaultFile} was not found beside the program; reinstall Vigil or pass the file explicitly.", DefaultFile);
    }

    public static ProvisionCatalog Load(string path)
    {
        FileDto? dto;
        try { dto = JsonSerializer.Deserialize<FileDto>(File.ReadAllText(path), Json); }
        catch (JsonException e) { throw new InvalidDataException($"The provisions file {path} is not valid JSON ({e.Message}); fix it or restore the shipped copy.", e); }
        if (dto?.Provisions is not { Count: > 0 }) throw new InvalidDataException($"The provisions file {path} lists no provisions; restore the shipped copy.");
        var entries = new List<ProvisionEntry>();
        foreach (var p in dto.Provisions)
        {
            if (string.IsNullOrWhiteSpace(p.Id) || string.IsNullOrWhiteSpace(p.Resolution) || string.IsNullOrWhiteSpace(p.Paragraph) || p.Match is null)
                throw new InvalidDataException($"The provisions file {path} has an entry without id, resolution, paragraph or match ({p.Id ?? "no id"}); complete it.");
            var dir = Enum.GetValues<ProvisionDirection>().FirstOrDefault(d => JsonNamingPolicy.SnakeCaseLower.ConvertName(d.ToString()) == p.Match.Direction, (ProvisionDirection)(-1));
            if (!Enum.IsDefined(dir))
                throw new InvalidDataException($"The provision {p.Id} in {path} has the unknown direction '{p.Match.Direction}'; use to_dprk, from_dprk, involving_dprk or designated_party.");
            var types = ParseTypes(p.Match.Types, $"The provision {p.Id} in {path}");
            entries.Add(new ProvisionEntry(
                new Provision(p.Id, dto.Regime ?? "", p.Resolution, p.Year, p.Paragraph, p.Category ?? "", p.Prohibits ?? "", dto.Source ?? ""),
                new ProvisionRule(types, dir, p.Match.Keywords ?? []),
                p.Checked));
        }
        return new ProvisionCatalog
        {
            Regime = dto.Regime ?? "",
            Source = dto.Source ?? "",
            Entries = entries,
            DprkNames = dto.Parties?.GetValueOrDefault("dprk") ?? [],
        };
    }

    /// <summary>Claim types by their wire names; an unknown name is an error naming <paramref name="owner"/>.</summary>
    internal static List<ClaimType> ParseTypes(IEnumerable<string>? wireNames, string owner) =>
        (wireNames ?? []).Select(t => Enum.GetValues<ClaimType>().Any(c => c.ToWire() == t)
            ? ClaimTypes.ParseWire(t)
            : throw new InvalidDataException($"{owner} names the unknown claim type '{t}'.")).ToList();

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, ReadCommentHandling = JsonCommentHandling.Skip };

    private sealed record FileDto(string? Regime, string? Source, Dictionary<string, List<string>>? Parties, List<EntryDto>? Provisions);

    private sealed record EntryDto(string Id, string Resolution, int Year, string Paragraph, string? Category, string? Prohibits, MatchDto? Match, string? Checked);

    private sealed record MatchDto(List<string>? Types, string Direction, List<string>? Keywords);
}
