using Vigil.Model;

namespace Vigil.Server.Api;

// yente's wire shapes (yente/data/common.py), so that clients written for yente work unchanged.
// Serialised with snake_case names; FtM property names (birthDate, imoNumber) are dictionary keys
// and keep their camelCase.

public sealed record YenteTotal(int Value, string Relation = "eq");

public record YenteEntity(
    string Id,
    string Caption,
    string Schema,
    IReadOnlyDictionary<string, List<string>> Properties,
    IReadOnlyList<string> Datasets,
    IReadOnlyList<string> Referents,
    bool Target,
    string? FirstSeen,
    string? LastSeen,
    string? LastChange);

public sealed record YenteScoredEntity(
    string Id,
    string Caption,
    string Schema,
    IReadOnlyDictionary<string, List<string>> Properties,
    IReadOnlyList<string> Datasets,
    IReadOnlyList<string> Referents,
    bool Target,
    string? FirstSeen,
    string? LastSeen,
    string? LastChange,
    double Score,
    IReadOnlyDictionary<string, double> Features,
    bool Match,
    // Not in yente: Vigil's one-line reason for the score, for analysts reading the raw response.
    string Explanation);

public sealed record YenteExample(string? Id, string Schema, IReadOnlyDictionary<string, List<string>> Properties);

public sealed record YenteMatches(int Status, IReadOnlyList<YenteScoredEntity> Results, YenteTotal Total, YenteExample Query);

public sealed record YenteFeatureDoc(string Description, double Coefficient, string? Url = null);

public sealed record YenteMatchResponse(IReadOnlyDictionary<string, YenteMatches> Responses, IReadOnlyDictionary<string, YenteFeatureDoc> Matcher, int Limit);

public sealed record YenteSearchResponse(IReadOnlyList<YenteEntity> Results, IReadOnlyDictionary<string, object> Facets, YenteTotal Total, int Limit, int Offset);

/// <summary>ListEntry → FtM entity, the way yente presents it.</summary>
internal static class YenteMapping
{
    public static Dictionary<string, List<string>> PropertiesOf(ListEntry e)
    {
        var p = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string key, IEnumerable<string?> values)
        {
            var list = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).Distinct(StringComparer.Ordinal).ToList();
            if (list.Count == 0) return;
            if (p.TryGetValue(key, out var existing)) existing.AddRange(list.Except(existing));
            else p[key] = list;
        }
        Add("name", [e.Name]);
        Add("alias", e.Aliases);
        Add("weakAlias", e.WeakAliases);
        if (e.Schema == EntitySchema.Person)
        {
            Add("birthDate", e.BirthDates.Select(d => d.ToString()));
            Add("nationality", e.Nationalities);
        }
        else Add(e.Schema == EntitySchema.Vessel ? "flag" : "country", e.Nationalities);
        Add("address", e.Addresses);
        Add("program", e.Programs);
        Add("notes", [e.Remarks]);
        Add("sourceUrl", [e.SourceUrl]);
        Add("topics", ["sanction"]);
        foreach (var id in e.Identifiers) Add(PropertyOfIdentifier(id.Type, e.Schema), [id.Value]);
        return p;
    }

    /// <summary>The FtM property an identifier of this type belongs to.</summary>
    public static string PropertyOfIdentifier(string type, EntitySchema schema)
    {
        var t = type.ToLowerInvariant();
        if (t.Contains("imo")) return "imoNumber";
        if (t.Contains("mmsi")) return "mmsi";
        if (t.Contains("passport")) return "passportNumber";
        if (t.Contains("swift") || t.Contains("bic")) return "swiftBic";
        if (t.Contains("tax") || t.Contains("inn")) return "taxNumber";
        return schema == EntitySchema.Person ? "idNumber" : "registrationNumber";
    }

    public static YenteEntity EntityOf(string id, ListEntry e) => new(
        id, e.Name, e.Schema.ToString(), PropertiesOf(e), [ScreeningCatalog.DatasetOf(e.List)], [], true,
        e.ListedOn?.ToString(), null, null);

    public static YenteScoredEntity ScoredOf(string id, ListEntry? e, SanctionHit hit, bool match) => new(
        id,
        e?.Name ?? hit.Name,
        (e?.Schema ?? EntitySchema.LegalEntity).ToString(),
        e is null ? new Dictionary<string, List<string>> { ["name"] = [hit.Name], ["program"] = hit.Programs.ToList() } : PropertiesOf(e),
        [ScreeningCatalog.DatasetOf(hit.List)], [], true, e?.ListedOn?.ToString(), null, null,
        Math.Round(hit.Score, 4),
        hit.Features.GroupBy(f => f.Name).ToDictionary(g => g.Key, g => Math.Round(g.Max(f => f.Value), 4)),
        match,
        hit.Explanation);
}
