using System.Text.Json;
using Vigil.Model;

namespace Vigil.Provisions;

/// <summary>A body of the sanctions regime (the Panel of Experts), what set it up and, if it has ended, when.</summary>
public sealed record RegimeBody(string Id, string Name, string Established, string? Ended, string History,
    IReadOnlyList<ClaimType> Types, IReadOnlyList<string> Keywords);

/// <summary>
/// The bodies of a sanctions regime (resources/provisions/dprk_bodies.json) and the claims that act
/// on them. A veto in the Security Council over the DPRK sanctions whose words name the monitoring,
/// the experts or their mandate is the act that ended the Panel of Experts; a veto of something
/// else, or one whose text names none of it, is linked to nothing.
/// </summary>
public sealed class RegimeBodies(IReadOnlyList<RegimeBody> bodies, ProvisionMatcher parties)
{
    public const string DefaultFile = "dprk_bodies.json";

    public IReadOnlyList<RegimeBody> Bodies => bodies;

    /// <summary>The bodies shipped beside the binaries, with the DPRK's names from the provisions catalogue.</summary>
    public static RegimeBodies LoadDefault(ProvisionMatcher parties) =>
        Load(Path.Combine(Path.GetDirectoryName(ProvisionCatalog.FindDefault())!, DefaultFile), parties);

    public static RegimeBodies Load(string path, ProvisionMatcher parties)
    {
        FileDto? dto;
        try { dto = JsonSerializer.Deserialize<FileDto>(File.ReadAllText(path), Json); }
        catch (JsonException e) { throw new InvalidDataException($"The regime file {path} is not valid JSON ({e.Message}); fix it or restore the shipped copy.", e); }
        catch (FileNotFoundException) { throw new FileNotFoundException($"The regime file {path} was not found; reinstall Vigil or restore resources/provisions/{DefaultFile}.", path); }
        var list = new List<RegimeBody>();
        foreach (var b in dto?.Bodies ?? [])
        {
            if (string.IsNullOrWhiteSpace(b.Id) || string.IsNullOrWhiteSpace(b.Name) || b.Match is null)
                throw new InvalidDataException($"The regime file {path} has a body without id, name or match ({b.Id ?? "no id"}); complete it.");
            var types = ProvisionCatalog.ParseTypes(b.Match.Types, $"The body {b.Id} in {path}");
            list.Add(new RegimeBody(b.Id, b.Name, b.Established ?? "", b.Ended, b.History ?? "", types, b.Match.Keywords ?? []));
        }
        return new RegimeBodies(list, parties);
    }

    /// <summary>The bodies this claim acts on, each with the reason.</summary>
    /// <param name="namesOf">Every known name of a party (resolved entity name and aliases).</param>
    public IReadOnlyList<RegimeEffect> Effects(Claim claim, Func<string, IEnumerable<string>>? namesOf = null)
    {
        if (claim.Actors.Count == 0) return [];
        var evidence = claim.EvidenceText.Normalize(System.Text.NormalizationForm.FormKC).ToLowerInvariant();
        // The claim must be about the DPRK regime: a party, or a name of the DPRK in its words.
        if (!parties.InvolvesDprk(claim, namesOf) && !parties.Catalog.DprkNames.Any(n => ProvisionMatcher.Contains(evidence, n.ToLowerInvariant())))
            return [];
        var effects = new List<RegimeEffect>();
        foreach (var body in bodies)
        {
            if (!body.Types.Contains(claim.Type)) continue;
            var keyword = body.Keywords.FirstOrDefault(k => ProvisionMatcher.Contains(evidence, k.ToLowerInvariant()));
            if (keyword is null) continue;
            effects.Add(new RegimeEffect(claim.Id, body.Id, body.Name, body.Established,
                $"{claim.Type.ToWire()} by {claim.Actors[0]} over the DPRK sanctions; the text names “{keyword}”. {body.History}"));
        }
        return effects;
    }

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, ReadCommentHandling = JsonCommentHandling.Skip };

    private sealed record FileDto(string? Regime, List<BodyDto>? Bodies);

    private sealed record BodyDto(string Id, string Name, string? Established, string? Ended, string? History, MatchDto? Match);

    private sealed record MatchDto(List<string>? Types, List<string>? Keywords);
}
