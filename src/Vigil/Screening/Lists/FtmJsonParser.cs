using System.Text.Json;
using Vigil.Model;

namespace Vigil.Screening.Lists;

/// <summary>
/// OpenSanctions FollowTheMoney entities, JSON lines ({id, schema, properties, datasets}), as yente
/// indexes them. Only targets that can be screened (Person, Organization, Company, LegalEntity,
/// Vessel, Airplane) become entries; Sanction, Address, Ownership and other link entities are skipped.
/// The list name is the entity's first dataset (us_ofac_sdn, eu_fsf, ...).
/// </summary>
public sealed class FtmJsonParser : IListParser
{
    private static readonly Dictionary<string, EntitySchema> Schemata = new(StringComparer.Ordinal)
    {
        ["Person"] = EntitySchema.Person, ["Organization"] = EntitySchema.Organization, ["Company"] = EntitySchema.Company,
        ["LegalEntity"] = EntitySchema.LegalEntity, ["Vessel"] = EntitySchema.Vessel, ["Airplane"] = EntitySchema.LegalEntity,
        ["PublicBody"] = EntitySchema.Organization,
    };

    public string Format => "OpenSanctions FtM JSON lines";

    public bool CanParse(ListFile file) =>
        file.Head.TrimStart().StartsWith('{') && file.Head.Contains("\"schema\"", StringComparison.Ordinal) && file.Head.Contains("\"properties\"", StringComparison.Ordinal);

    public ParsedList Parse(ListFile file, IReadOnlyList<ListFile> allFiles)
    {
        var entries = new List<ListEntry>();
        var problems = new List<ListProblem>();
        var lineNumber = 0;
        string? firstDataset = null;
        foreach (var line in File.ReadLines(file.Path))
        {
            lineNumber++;
            if (line.Trim().Length == 0) continue;
            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                var schemaName = root.GetProperty("schema").GetString() ?? "";
                if (!Schemata.TryGetValue(schemaName, out var schema)) continue;
                var props = root.TryGetProperty("properties", out var p) ? p : default;
                var names = Values(props, "name");
                if (names.Count == 0) continue;
                var dataset = root.TryGetProperty("datasets", out var ds) && ds.ValueKind == JsonValueKind.Array && ds.GetArrayLength() > 0 ? ds[0].GetString() ?? "opensanctions" : "opensanctions";
                firstDataset ??= dataset;
                var identifiers = new List<EntryIdentifier>();
                foreach (var (prop, type) in new[] { ("passportNumber", "passport"), ("idNumber", "national_id"), ("imoNumber", "imo"), ("mmsi", "mmsi"), ("swiftBic", "swift_bic"), ("registrationNumber", "registration"), ("taxNumber", "tax_id"), ("innCode", "tax_id") })
                    identifiers.AddRange(Values(props, prop).Select(v => new EntryIdentifier(type, v)));
                entries.Add(new ListEntry
                {
                    List = dataset,
                    ListId = root.GetProperty("id").GetString() ?? throw new InvalidDataException("entity without id"),
                    Schema = schema,
                    Name = root.TryGetProperty("caption", out var caption) && caption.GetString() is { Length: > 0 } c ? c : names[0],
                    Aliases = names.Concat(Values(props, "alias")).Concat(Values(props, "previousName")).Distinct().ToList(),
                    WeakAliases = Values(props, "weakAlias"),
                    BirthDates = Values(props, "birthDate").Select(d => FuzzyDate.TryParse(d, out var f) ? f : (FuzzyDate?)null).Where(d => d is not null).Select(d => d!.Value).Distinct().ToList(),
                    Nationalities = Values(props, "nationality").Concat(Values(props, "citizenship")).Concat(schema == EntitySchema.Person ? [] : Values(props, "country"))
                        .Select(n => n.ToUpperInvariant()).Distinct().ToList(),
                    Identifiers = identifiers,
                    Addresses = Values(props, "address"),
                    Programs = Values(props, "program").Concat(Values(props, "programId")).Distinct().ToList(),
                    SourceUrl = Values(props, "sourceUrl").FirstOrDefault(),
                    Remarks = Values(props, "notes").FirstOrDefault(),
                });
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or InvalidDataException)
            {
                problems.Add(new ListProblem(file.Path, $"line {lineNumber}: not an FtM entity ({e.Message}); line skipped"));
            }
        }
        // Named after the file, not a dataset: two FtM exports are two lists, never one set aside for the other.
        return new ParsedList($"FtM {file.FileName}", file.Path, entries, null, problems) { Note = firstDataset is null ? null : $"datasets from {firstDataset} on" };
    }

    private static List<string> Values(JsonElement props, string name) =>
        props.ValueKind == JsonValueKind.Object && props.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!.Trim()).Where(s => s.Length > 0).Distinct().ToList()
            : [];
}
