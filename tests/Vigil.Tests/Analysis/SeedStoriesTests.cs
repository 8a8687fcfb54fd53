using System.Text.Json;
using Vigil.Analysis;
using Vigil.Evaluation;
using Vigil.Extraction;
using Vigil.Model;

namespace Vigil.Tests.Analysis;

/// <summary>
/// The analysis stage on the five seed articles, with the hand-annotated entities and events
/// (shared/data/seeds_gold) standing in for extraction: what stories, sources and provisions
/// the stage makes of correct input. Read in place from the shared folder, never copied.
/// </summary>
public class SeedStoriesTests
{
    private static readonly Lazy<AnalysisResult> Result = new(AnalyzeSeeds);

    private static AnalysisResult AnalyzeSeeds()
    {
        var documents = new List<Document>();
        var extractions = new List<ExtractionResult>();
        foreach (var goldPath in Directory.GetFiles(SharedData.Path("data", "seeds_gold"), "*.json").Order())
        {
            using var gold = JsonDocument.Parse(File.ReadAllText(goldPath));
            var root = gold.RootElement;
            var name = root.GetProperty("doc").GetString()!;
            var text = File.ReadAllText(SharedData.Path("seeds", name));
            var doc = new Document(name, name, text, Ids.Hash(text), name, "it");
            documents.Add(doc);

            var mentions = new List<Mention>();
            foreach (var e in root.GetProperty("entities").EnumerateArray())
            {
                var schema = e.GetProperty("type").GetString() switch { "PER" => EntitySchema.Person, "ORG" => EntitySchema.Organization, _ => EntitySchema.Location };
                foreach (var surface in e.GetProperty("surface").EnumerateArray().Select(s => s.GetString()!))
                {
                    var at = text.IndexOf(surface, StringComparison.Ordinal);
                    mentions.Add(new Mention(new Span(name, at, at + surface.Length), surface, schema, e.GetProperty("name").GetString()!));
                }
            }
            var claims = new List<Claim>();
            foreach (var (ev, i) in root.GetProperty("events").EnumerateArray().Select((ev, i) => (ev, i)))
            {
                var evidence = ev.GetProperty("evidence").GetString()!;
                var at = text.IndexOf(evidence, StringComparison.Ordinal);
                var attribution = ev.GetProperty("source_attribution").ValueKind == JsonValueKind.String ? ev.GetProperty("source_attribution").GetString() : null;
                DateMention? date = FuzzyDate.TryParse(ev.GetProperty("date").ValueKind == JsonValueKind.String ? ev.GetProperty("date").GetString() : null, out var d)
                    ? new DateMention(new Span(name, at, at), d.ToString(), d) : null;
                claims.Add(new Claim($"{name}#{i}", name, ClaimTypes.ParseWire(ev.GetProperty("type").GetString()!),
                    ev.GetProperty("actors").EnumerateArray().Select(a => a.GetString()!).ToList(), null, date, attribution,
                    attribution is null ? Stance.Asserted : Stance.Reported,
                    ev.GetProperty("denied_by").EnumerateArray().Select(a => a.GetString()!).ToList(), [],
                    new Span(name, at, at + evidence.Length), evidence));
            }
            extractions.Add(new ExtractionResult(name, mentions, [], [], claims));
        }
        return Analyzer.WithDefaultProvisions().Analyze(documents, extractions);
    }

    [Fact]
    public void The_treaty_signing_reported_by_three_seeds_is_one_story_with_three_independent_sources()
    {
        var result = Result.Value;
        var treatyClaims = result.Claims.Where(c => c.Type == ClaimType.TreatySigned).Select(c => c.Id).ToList();
        Assert.Equal(3, treatyClaims.Count);
        var story = Assert.Single(result.Stories, s => treatyClaims.All(s.ClaimIds.Contains));
        Assert.Equal(3, story.DocumentIds.Intersect(treatyClaims.Select(id => id.Split('#')[0])).Count());
        var assessment = result.Assessments.First(a => a.ClaimId == treatyClaims[0]);
        Assert.Equal(3, assessment.Corroboration.IndependentSources);
    }

    [Fact]
    public void The_arms_claims_are_denied_by_russia_and_north_korea_and_breach_the_arms_export_ban()
    {
        var result = Result.Value;
        var arms = result.Claims.Where(c => c.Type == ClaimType.ArmsTransfer).ToList();
        Assert.All(arms, c => Assert.Contains("UNSCR 1874 (2009) para 9", c.Provisions));
        var denied = result.Assessments.Where(a => arms.Any(c => c.Id == a.ClaimId) && a.Corroboration.DeniedBy.Count > 0).ToList();
        Assert.NotEmpty(denied);
        Assert.All(denied, a => Assert.Contains(a.Corroboration.Reasons!, r => r.StartsWith("denied by")));
    }

    [Fact]
    public void Provisions_attach_only_where_the_text_supports_them()
    {
        var result = Result.Value;
        var speechAndDiplomacy = new[] { ClaimType.Statement, ClaimType.Meeting, ClaimType.TreatySigned, ClaimType.Ratification, ClaimType.Denial, ClaimType.Veto, ClaimType.SanctionsImposed };
        Assert.All(result.Claims.Where(c => speechAndDiplomacy.Contains(c.Type)), c => Assert.Empty(c.Provisions));
        // Travel plans and an air link name no prohibited goods or services.
        Assert.All(result.Claims.Where(c => c.Type == ClaimType.Other), c => Assert.Empty(c.Provisions));
        // "aiuti e carburante, ma anche un supporto tecnologico": fuel caps and technical assistance.
        var aid = Assert.Single(result.Claims, c => c.Type == ClaimType.Payment && c.EvidenceText.Contains("carburante"));
        Assert.Contains("UNSCR 2397 (2017) para 5", aid.Provisions);
        Assert.Contains("UNSCR 1718 (2006) para 8(c)", aid.Provisions);
    }

    [Fact]
    public void The_veto_is_one_claim_in_a_story_of_its_own()
    {
        var result = Result.Value;
        var veto = Assert.Single(result.Claims, c => c.Type == ClaimType.Veto);
        Assert.Equal([veto.Id], result.Stories.Single(s => s.ClaimIds.Contains(veto.Id)).ClaimIds.ToArray());
    }
}
