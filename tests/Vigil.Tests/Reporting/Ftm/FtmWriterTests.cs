using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Model;
using Vigil.Model.Wire;
using Vigil.Reporting.Ftm;
using static Vigil.Tests.Analysis.AnalysisFixtures;

namespace Vigil.Tests.Reporting.Ftm;

public class FtmWriterTests
{
    /// <summary>The sample analysis plus what it lacks: a sanctions hit and a vessel.</summary>
    private static AnalysisResult Sample()
    {
        var a = SampleAnalysis();
        var hit = new SanctionHit("US-OFAC", "20157", "KIM, Jong Un", 0.97, true, ["DPRK3"], "name matches all tokens", [new MatchFeature("name", 0.97, "kim jong un")]);
        var entities = a.Entities.Select(e => e.Name == "Kim Jong-un" ? e with { Sanctions = [hit] } : e).ToList();
        var doc = a.Documents[0];
        entities.Add(new Entity("ent-vessel", EntitySchema.Vessel, "Angara", ["Ангара"], [new Mention(new Span(doc.Id, 0, 5), doc.Text[..5], EntitySchema.Vessel, "Angara", 0.8)], []));
        return a with { Entities = entities };
    }

    private static string Export(AnalysisResult a)
    {
        using var w = new StringWriter();
        new FtmWriter().Write(a, w);
        return w.ToString();
    }

    [Fact]
    public void Export_then_import_loses_nothing_vigil_models()
    {
        var original = Sample();
        var imported = FtmReader.Read(new StringReader(Export(original)));

        Assert.Empty(imported.Problems);
        Assert.Equal(WireFormat.Serialize(original with { Assessments = [], Timeline = [], Graph = EntityGraph.Empty }),
                     WireFormat.Serialize(imported.Analysis));
        Assert.Equal(original.Documents.Select(d => d.Text), imported.Analysis.Documents.Select(d => d.Text));
    }

    [Fact]
    public void Every_exported_line_uses_ftm_schema_and_property_names()
    {
        var table = FtmSchemaTable.LoadDefault();
        var schemata = new HashSet<string>();
        foreach (var text in Export(Sample()).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var line = JsonNode.Parse(text)!.AsObject();
            var schema = (string)line["schema"]!;
            Assert.True(table.Has(schema), schema);
            Assert.False(string.IsNullOrEmpty((string?)line["id"]));
            var allowed = table.PropertiesOf(schema);
            foreach (var (name, values) in line["properties"]!.AsObject())
            {
                Assert.True(allowed.Contains(name), $"{schema}.{name} is not an FtM property");
                Assert.All(values!.AsArray(), v => Assert.Equal(JsonValueKind.String, v!.GetValueKind()));
            }
            schemata.Add(schema);
        }
        Assert.Superset(new HashSet<string> { "Article", "Person", "Address", "Vessel", "Organization", "Mention", "Sanction", "Event" }, schemata);
    }

    [Fact]
    public void The_schema_table_rejects_a_property_ftm_does_not_have()
    {
        var table = FtmSchemaTable.LoadDefault();
        Assert.Contains("birthDate", table.PropertiesOf("Person"));
        Assert.Contains("name", table.PropertiesOf("Person"));          // inherited from Thing
        Assert.Contains("imoNumber", table.PropertiesOf("Vessel"));
        Assert.DoesNotContain("stance", table.PropertiesOf("Event"));
    }

    [Fact]
    public void Ftm_from_elsewhere_imports_as_far_as_it_goes_and_bad_lines_are_named()
    {
        const string foreign = """
            {"id": "NK-abc", "schema": "Person", "properties": {"name": ["Kim Jong Un"], "alias": ["KIM Jong-un"], "birthDate": ["1984"]}}
            {"id": "san-1", "schema": "Sanction", "properties": {"entity": ["NK-abc"], "authority": ["OFAC"], "program": ["DPRK3"]}}
            {"id": "own-1", "schema": "Ownership", "properties": {"owner": ["NK-abc"]}}
            """;
        var result = FtmReader.Read(new StringReader(foreign));
        var kim = Assert.Single(result.Analysis.Entities);
        Assert.Equal(["KIM Jong-un"], kim.Aliases.ToArray());
        Assert.Equal("OFAC", Assert.Single(kim.Sanctions).List);
        Assert.Contains(result.Problems, p => p.Line == 3 && p.Message.Contains("Ownership"));

        var e = Assert.Throws<InvalidDataException>(() => FtmReader.Read(new StringReader("{\"id\": 1,\nnot json"), "broken.jsonl"));
        Assert.Contains("broken.jsonl, line 1", e.Message);
    }
}
