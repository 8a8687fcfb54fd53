using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Model;
using Vigil.Model.Wire;

namespace Vigil.Reporting.Ftm;

/// <summary>
/// FollowTheMoney JSON lines ({"id", "schema", "properties"}), loadable by Aleph and OpenSanctions
/// tools: documents as Article, entities as Person / Organization / Company / Vessel / LegalEntity
/// (places as Address), each mention as Mention, each sanctions hit as Sanction, each claim and
/// each story as Event. What FtM has no property for (offsets, stance, attribution, quantities,
/// scores) travels in an extra top-level "vigil" object, which FtM tools ignore and
/// <see cref="FtmReader"/> reads back, so export and import lose nothing Vigil models.
/// </summary>
public sealed class FtmWriter : IReportWriter
{
    public const string Extension = "vigil";

    public string Format => "ftm";
    public string FileExtension => ".ftm.jsonl";

    public void Write(AnalysisResult analysis, TextWriter output)
    {
        foreach (var line in Lines(analysis)) output.WriteLine(line.ToJsonString(WireFormat.Compact));
    }

    public static IEnumerable<JsonObject> Lines(AnalysisResult analysis)
    {
        foreach (var d in analysis.Documents)
        {
            var p = new Props();
            p.Add("title", d.Title).Add("fileName", d.Source).Add("sourceUrl", d.Url).Add("publisher", d.Outlet)
             .Add("language", d.Lang).Add("contentHash", d.ContentHash).Add("bodyText", d.Text)
             .Add("publishedAt", d.Published is { } pub ? FuzzyDate.Day(pub).ToString() : null);
            yield return Line(d.Id, "Article", p, null);
        }

        var entityIdByName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in analysis.Entities)
        {
            foreach (var n in e.Aliases.Prepend(e.Name)) entityIdByName.TryAdd(n, e.Id);
            var p = new Props().Add("name", e.Name).AddAll("alias", e.Aliases);
            var schema = SchemaOf(e.Schema);
            yield return Line(e.Id, schema, p, schema == e.Schema.ToString() ? null : new JsonObject { ["schema"] = e.Schema.ToString() });
            foreach (var m in e.Mentions)
            {
                var mp = new Props().Add("document", m.Span.DocumentId).Add("resolved", e.Id).Add("name", m.Text).Add("detectedSchema", m.Schema.ToString());
                yield return Line(Ids.Derive("men", e.Id, m.Span.DocumentId, m.Span.Start.ToString(), m.Span.End.ToString()), "Mention", mp,
                    Node(MentionDto.From(m)));
            }
            foreach (var h in e.Sanctions)
            {
                var sp = new Props().Add("entity", e.Id).Add("authority", h.List).Add("authorityId", h.ListId)
                    .Add("unscId", h.List.StartsWith("UN", StringComparison.OrdinalIgnoreCase) ? h.ListId : null)
                    .AddAll("program", h.Programs).Add("reason", h.Explanation);
                yield return Line(Ids.Derive("san", e.Id, h.List, h.ListId), "Sanction", sp, Node(SanctionDto.From(h)));
            }
        }

        var claimInvolved = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var c in analysis.Claims)
        {
            var involved = c.Actors.Select(a => entityIdByName.GetValueOrDefault(a)).OfType<string>().Distinct().ToList();
            claimInvolved[c.Id] = involved;
            var p = new Props().Add("name", $"{c.Type.ToWire()}: {string.Join(", ", c.Actors)}").Add("summary", c.EvidenceText)
                .Add("date", c.Date?.Date?.ToString()).AddAll("involved", involved).Add("proof", c.DocumentId)
                .Add("keywords", c.Type.ToWire()).AddAll("namesMentioned", c.Actors);
            yield return Line(c.Id, "Event", p, new JsonObject { ["claim"] = Node(ClaimDto.From(c)) });
        }
        foreach (var s in analysis.Stories)
        {
            var p = new Props().Add("name", s.Title).Add("keywords", "story")
                .AddAll("involved", s.ClaimIds.SelectMany(id => claimInvolved.GetValueOrDefault(id) ?? []).Distinct())
                .AddAll("proof", s.DocumentIds);
            yield return Line(s.Id, "Event", p, new JsonObject { ["story"] = Node(StoryDto.From(s)) });
        }
    }

    /// <summary>The FtM schema for a Vigil schema; FtM has no bare place, so places are Addresses.</summary>
    public static string SchemaOf(EntitySchema schema) => schema == EntitySchema.Location ? "Address" : schema.ToString();

    private static JsonObject Line(string id, string schema, Props properties, JsonObject? extension)
    {
        var line = new JsonObject { ["id"] = id, ["schema"] = schema, ["properties"] = properties.Node };
        if (extension is not null) line[Extension] = extension;
        return line;
    }

    private static JsonObject Node<T>(T value) => JsonSerializer.SerializeToNode(value, WireFormat.Compact)!.AsObject();

    /// <summary>FtM properties: every value is a list of strings; empty values are left out.</summary>
    private sealed class Props
    {
        public JsonObject Node { get; } = [];

        public Props Add(string name, string? value) => value is null || value.Length == 0 ? this : AddAll(name, [value]);

        public Props AddAll(string name, IEnumerable<string> values)
        {
            var list = values.Where(v => !string.IsNullOrEmpty(v)).ToList();
            if (list.Count == 0) return this;
            if (Node[name] is not JsonArray array) Node[name] = array = [];
            foreach (var v in list) array.Add(v);
            return this;
        }
    }
}
