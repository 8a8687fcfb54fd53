using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Model;
using Vigil.Model.Wire;

namespace Vigil.Reporting.Ftm;

/// <summary>A line of an FtM file that was skipped, with why.</summary>
public sealed record FtmProblem(int Line, string Message);

/// <summary>What an FtM file held, as Vigil records, and the lines that could not be used.</summary>
public sealed record FtmImport(AnalysisResult Analysis, IReadOnlyList<FtmProblem> Problems);

/// <summary>
/// Reads FollowTheMoney JSON lines back into Vigil's records: Vigil's own exports completely
/// (the "vigil" extension carries what FtM cannot), and FtM data from elsewhere as far as it goes
/// (Article/Document → documents, Person/Organization/Company/Vessel/LegalEntity/Address → entities,
/// Sanction → sanctions hits on their entity, Mention → mentions). Other schemata are skipped and reported.
/// </summary>
public static class FtmReader
{
    public static FtmImport Read(TextReader input, string inputName = "input")
    {
        var documents = new List<Document>();
        var entities = new List<(string Id, EntitySchema Schema, string Name, List<string> Aliases)>();
        var mentions = new List<(string EntityId, Mention Mention)>();
        var sanctions = new List<(string EntityId, SanctionHit Hit)>();
        var claims = new List<Claim>();
        var stories = new List<Story>();
        var problems = new List<FtmProblem>();

        var number = 0;
        for (var text = input.ReadLine(); text is not null; text = input.ReadLine())
        {
            number++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            JsonObject line;
            try { line = JsonNode.Parse(text)?.AsObject() ?? throw new JsonException("empty value"); }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                throw new InvalidDataException($"{inputName}, line {number}: not a JSON object ({e.Message}). Each line of an FtM file must be one {{\"id\", \"schema\", \"properties\"}} object.", e);
            }
            var id = (string?)line["id"];
            var schema = (string?)line["schema"];
            var props = line["properties"] as JsonObject ?? [];
            var ext = line[FtmWriter.Extension] as JsonObject;
            if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(schema))
            {
                problems.Add(new FtmProblem(number, "no id or schema; skipped"));
                continue;
            }
            switch (schema)
            {
                case "Article" or "Document" or "PlainText" or "HyperText" or "Page":
                    var body = First(props, "bodyText") ?? "";
                    documents.Add(new Document(id, First(props, "fileName") ?? First(props, "sourceUrl") ?? id, body,
                        First(props, "contentHash") ?? Ids.Hash(body), First(props, "title"), First(props, "language"),
                        FuzzyDate.TryParse(First(props, "publishedAt"), out var pub) ? pub.Value : null,
                        First(props, "publisher"), First(props, "sourceUrl")));
                    break;
                case "Person" or "Organization" or "Company" or "Vessel" or "LegalEntity" or "Address" or "PublicBody":
                    var vigilSchema = (string?)ext?["schema"] ?? (schema == "Address" ? nameof(EntitySchema.Location) : schema == "PublicBody" ? nameof(EntitySchema.Organization) : schema);
                    var names = All(props, "name");
                    if (names.Count == 0 && schema == "Address") names = All(props, "full");
                    if (names.Count == 0) { problems.Add(new FtmProblem(number, $"{schema} {id} has no name; skipped")); break; }
                    entities.Add((id, EntitySchemas.Parse(vigilSchema), names[0], names.Skip(1).Concat(All(props, "alias")).Distinct().ToList()));
                    break;
                case "Mention":
                    var resolved = First(props, "resolved");
                    if (resolved is null) { problems.Add(new FtmProblem(number, $"Mention {id} is resolved to no entity; skipped")); break; }
                    var m = ext is not null ? ext.Deserialize<MentionDto>(WireFormat.Options)!.ToModel(EntitySchema.LegalEntity)
                        : new Mention(new Span(First(props, "document") ?? "", 0, 0), First(props, "name") ?? "",
                            EntitySchemas.Parse(First(props, "detectedSchema") ?? nameof(EntitySchema.LegalEntity)), First(props, "name") ?? "");
                    mentions.Add((resolved, m));
                    break;
                case "Sanction":
                    var entity = First(props, "entity");
                    if (entity is null) { problems.Add(new FtmProblem(number, $"Sanction {id} names no entity; skipped")); break; }
                    var hit = ext is not null ? ext.Deserialize<SanctionDto>(WireFormat.Options)!.ToModel()
                        : new SanctionHit(First(props, "authority") ?? "FtM", First(props, "authorityId") ?? First(props, "unscId") ?? id, "",
                            1.0, true, All(props, "program"), First(props, "reason") ?? "listed in the imported FtM data", []);
                    sanctions.Add((entity, hit));
                    break;
                case "Event" when (ext?["claim"]) is JsonObject claim:
                    claims.Add(claim.Deserialize<ClaimDto>(WireFormat.Options)!.ToModel());
                    break;
                case "Event" when (ext?["story"]) is JsonObject story:
                    stories.Add(story.Deserialize<StoryDto>(WireFormat.Options)!.ToModel());
                    break;
                default:
                    problems.Add(new FtmProblem(number, $"schema {schema} has no Vigil counterpart; skipped"));
                    break;
            }
        }

        var mentionsOf = mentions.ToLookup(x => x.EntityId, x => x.Mention);
        var hitsOf = sanctions.ToLookup(x => x.EntityId, x => x.Hit);
        var built = entities.Select(e => new Entity(e.Id, e.Schema, e.Name, e.Aliases, mentionsOf[e.Id].ToList(), hitsOf[e.Id].ToList())).ToList();
        var known = entities.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var orphan in mentions.Select(x => x.EntityId).Concat(sanctions.Select(x => x.EntityId)).Distinct().Where(id => !known.Contains(id)))
            problems.Add(new FtmProblem(0, $"mentions or sanctions refer to the entity {orphan}, which the file does not contain; they were dropped"));
        return new FtmImport(new AnalysisResult(documents, built, claims, stories), problems);
    }

    private static string? First(JsonObject props, string name) => props[name] is JsonArray a && a.Count > 0 ? (string?)a[0] : null;

    private static List<string> All(JsonObject props, string name) =>
        props[name] is JsonArray a ? a.Select(v => (string?)v).OfType<string>().ToList() : [];
}
