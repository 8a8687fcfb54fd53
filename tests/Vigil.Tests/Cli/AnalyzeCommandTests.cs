using System.Text;
using System.Text.Json;
using Vigil.Evaluation;
using Vigil.Storage;

namespace Vigil.Tests.Cli;

/// <summary>Runs `vigil analyze` once on the five seed articles; the tests read what it produced.</summary>
public sealed class SeedAnalysisFixture : IDisposable
{
    public TempDir Dir { get; } = new();
    public string Db => Dir.File("vigil.db");
    public string ReportPath => Dir.File("report.json");
    public CliRunner.Outcome First { get; }
    public StoreCounts CountsAfterFirst { get; }
    public JsonElement Report { get; }

    public SeedAnalysisFixture()
    {
        First = CliRunner.Run("analyze", SharedData.Path("seeds"), "--db", Db, "--format", "json", "--out", ReportPath);
        if (First.ExitCode != 0 || !File.Exists(ReportPath))
            throw new InvalidOperationException($"vigil analyze on the seeds failed (exit {First.ExitCode}): {First.Err}");
        using (var store = new SqliteStore(Db)) CountsAfterFirst = store.Count();
        Report = JsonDocument.Parse(File.ReadAllText(ReportPath)).RootElement.Clone();
    }

    public void Dispose() => Dir.Dispose();
}

public class AnalyzeCommandTests(SeedAnalysisFixture seeds) : IClassFixture<SeedAnalysisFixture>
{
    private IEnumerable<JsonElement> Entities(string schema) =>
        seeds.Report.GetProperty("entities").EnumerateArray().Where(e => e.GetProperty("schema").GetString() == schema);

    private JsonElement? Entity(string schema, string name) =>
        Entities(schema).Cast<JsonElement?>().FirstOrDefault(e => string.Equals(e!.Value.GetProperty("name").GetString(), name, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void Seeds_analyse_successfully()
    {
        Assert.True(seeds.First.ExitCode == 0, seeds.First.Err);
        Assert.Equal(5, seeds.Report.GetProperty("documents").GetArrayLength());
    }

    [Theory]
    [InlineData("Vladimir Putin")]
    [InlineData("Kim Jong Un")]
    public void Leaders_are_people_mentioned_across_articles_with_an_explained_OFAC_hit(string name)
    {
        var person = Entity("Person", name);
        Assert.True(person.HasValue, $"{name} not found as Person; persons: {string.Join(", ", Entities("Person").Select(e => e.GetProperty("name").GetString()))}");
        var docs = person!.Value.GetProperty("mentions").EnumerateArray().Select(m => m.GetProperty("doc").GetString()).Distinct().Count();
        Assert.True(docs >= 2, $"{name} mentioned in {docs} document(s)");
        var ofac = person.Value.GetProperty("sanctions").EnumerateArray().Where(h => h.GetProperty("list").GetString() == "US-OFAC").ToList();
        Assert.NotEmpty(ofac);
        Assert.All(ofac, h => Assert.False(string.IsNullOrWhiteSpace(h.GetProperty("explanation").GetString())));
    }

    [Theory]
    [InlineData("Location", "Pyongyang")]
    [InlineData("Location", "Russia")]
    [InlineData("Location", "Ukraine")]
    [InlineData("Location", "North Korea")]
    [InlineData("Organization", "TASS")]
    [InlineData("Organization", "UN Security Council")]
    public void Places_and_organisations_are_found(string schema, string name) =>
        Assert.True(Entity(schema, name).HasValue, $"{name} not found as {schema}; found: {string.Join(", ", Entities(schema).Select(e => e.GetProperty("name").GetString()))}");

    [Fact]
    public void No_place_has_a_sanctions_hit() =>
        Assert.All(Entities("Location"), e => Assert.Equal(0, e.GetProperty("sanctions").GetArrayLength()));

    [Fact]
    public void Every_mention_quotes_the_stored_cleaned_text_exactly()
    {
        using var store = new SqliteStore(seeds.Db);
        var analysis = store.LoadAnalysis();
        var texts = analysis.Documents.ToDictionary(d => d.Id, d => d.Text);
        var mentions = analysis.Entities.SelectMany(e => e.Mentions).ToList();
        Assert.NotEmpty(mentions);
        Assert.All(mentions, m => Assert.Equal(m.Text, texts[m.Span.DocumentId][m.Span.Start..m.Span.End]));
    }

    [Fact]
    public void A_headline_repeated_in_the_page_is_kept_once()
    {
        using var store = new SqliteStore(seeds.Db);
        foreach (var doc in store.GetDocuments())
        {
            var lines = doc.Text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 30).ToList();
            Assert.Equal(lines.Count, lines.Distinct().Count());
        }
    }

    [Fact]
    public void Analysing_the_same_inputs_again_adds_no_rows()
    {
        var again = CliRunner.Run("analyze", SharedData.Path("seeds"), "--db", seeds.Db, "--format", "md", "--out", seeds.Dir.File("again.md"));
        Assert.Equal(0, again.ExitCode);
        using var store = new SqliteStore(seeds.Db);
        Assert.Equal(seeds.CountsAfterFirst, store.Count());
        Assert.Contains("0 new document(s), 5 already stored", again.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_writes_the_stored_analysis_without_analysing_again()
    {
        var path = seeds.Dir.File("stored.json");
        var outcome = CliRunner.Run("report", "--db", seeds.Db, "--format", "json", "--out", path);
        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal(seeds.Report.GetProperty("entities").GetArrayLength(), json.RootElement.GetProperty("entities").GetArrayLength());
    }

    [Fact]
    public void The_march_veto_is_one_claim_linked_to_the_end_of_the_panel_of_experts()
    {
        var vetoes = seeds.Report.GetProperty("claims").EnumerateArray().Where(c => c.GetProperty("type").GetString() == "veto").ToList();
        var veto = Assert.Single(vetoes);
        Assert.Equal("Russia", veto.GetProperty("actors")[0].GetString());
        var id = veto.GetProperty("id").GetString();
        var assessment = seeds.Report.GetProperty("assessments").EnumerateArray().Single(a => a.GetProperty("claim").GetString() == id);
        var affects = assessment.GetProperty("affects").EnumerateArray().ToList();
        Assert.Contains(affects, a => a.GetProperty("name").GetString() == "UN Panel of Experts" && a.GetProperty("reason").GetString()!.Contains("2024"));
        Assert.Contains(seeds.Report.GetProperty("graph").GetProperty("edges").EnumerateArray(), e =>
            e.GetProperty("relation").GetString() == "veto" && e.GetProperty("claims").EnumerateArray().Any(c => c.GetString() == id));
    }

    [Fact]
    public void The_treaty_signing_reported_by_several_seeds_is_one_story_with_its_independent_sources()
    {
        var treaties = seeds.Report.GetProperty("claims").EnumerateArray().Where(c => c.GetProperty("type").GetString() == "treaty_signed")
            .Select(c => c.GetProperty("id").GetString()!).ToHashSet();
        var stories = seeds.Report.GetProperty("stories").EnumerateArray()
            .Where(s => s.GetProperty("claims").EnumerateArray().Any(c => treaties.Contains(c.GetString()!))).ToList();
        var signing = stories.MaxBy(s => s.GetProperty("documents").GetArrayLength());
        Assert.True(signing.GetProperty("documents").GetArrayLength() >= 3, signing.GetProperty("title").GetString());
        // Each origin once: the documents' own voices and the parties they quote, no document twice in its own voice.
        var corroboration = signing.GetProperty("corroboration");
        var sources = corroboration.GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal(sources.Count, corroboration.GetProperty("independent_sources").GetInt32());
        Assert.True(sources.Count >= 2);
        Assert.Equal(sources.Count, sources.Select(s => s.GetProperty("label").GetString()).Distinct().Count());
        var ownVoices = sources.Where(s => s.GetProperty("key").GetString()!.StartsWith("doc:")).SelectMany(s => s.GetProperty("documents").EnumerateArray().Select(d => d.GetString())).ToList();
        Assert.Equal(ownVoices.Count, ownVoices.Distinct().Count());
    }
}
