using NodaTime;
using Vigil.Analysis;
using Vigil.Model;
using Vigil.Model.Wire;
using System.Text.Json;
using static Vigil.Tests.Analysis.AnalysisFixtures;

namespace Vigil.Tests.Analysis;

public class AnalyzerTests
{
    private static AnalysisResult Analyze() => SampleAnalysis();

    [Fact]
    public void Stories_carry_sources_conflicts_deniers_and_a_confidence_with_reasons()
    {
        var result = Analyze();
        Assert.Equal(2, result.Stories.Count);
        var arms = Assert.Single(result.Stories, s => s.Title.StartsWith("Arms transfer"));
        Assert.Equal(["b", "a"], arms.DocumentIds.ToArray());
        Assert.Equal(2, arms.Corroboration.IndependentSources);
        Assert.Equal(["10,000 vs more than 13,000 containers"], arms.Corroboration.Conflicts.ToArray());
        Assert.Equal(["Russia"], arms.Corroboration.DeniedBy.ToArray());
        Assert.Equal("low", arms.Corroboration.Confidence);
        Assert.Contains(arms.Corroboration.Reasons!, r => r.StartsWith("figures disagree"));
    }

    [Fact]
    public void Every_claim_is_assessed_and_arms_claims_carry_their_provisions()
    {
        var result = Analyze();
        Assert.Equal(result.Claims.Select(c => c.Id).Order(), result.Assessments.Select(a => a.ClaimId).Order());
        var arms = result.Claims.Where(c => c.Type == ClaimType.ArmsTransfer).ToList();
        Assert.All(arms, c => Assert.Contains("UNSCR 1874 (2009) para 9", c.Provisions));
        Assert.All(result.Claims.Where(c => c.Type != ClaimType.ArmsTransfer), c => Assert.Empty(c.Provisions));
        Assert.All(result.Assessments.Where(a => arms.Any(c => c.Id == a.ClaimId)), a => Assert.NotEmpty(a.Provisions));
    }

    [Fact]
    public void The_timeline_groups_claims_by_story_in_date_order_and_the_graph_states_relations()
    {
        var result = Analyze();
        Assert.Equal(2, result.Timeline.Count);
        var treaty = Assert.Single(result.Timeline, g => g.Title.StartsWith("Treaty signed"));
        var entry = Assert.Single(treaty.Entries);
        Assert.Equal(TimelineDateSource.Text, entry.DateSource);
        Assert.Equal("2024-06-19", entry.Date.ToString());
        var arms = Assert.Single(result.Timeline, g => g.Title.StartsWith("Arms transfer"));
        Assert.All(arms.Entries, e => Assert.Equal(TimelineDateSource.Published, e.DateSource));
        Assert.Equal(arms.Entries.OrderBy(e => e.Date!.Value.Value).Select(e => e.ClaimId), arms.Entries.Select(e => e.ClaimId));

        var nk = Assert.Single(result.Graph.Nodes, n => n.Name == "North Korea");
        var ru = Assert.Single(result.Graph.Nodes, n => n.Name == "Russia");
        var transfer = Assert.Single(result.Graph.Edges, e => e.Relation == "arms_transfer");
        Assert.Equal((nk.EntityId, ru.EntityId), (transfer.Source, transfer.Target));
        Assert.Equal(2, transfer.ClaimIds.Count);
        Assert.Contains(result.Graph.Edges, e => e.Relation == "treaty_signed" && !e.Directed);
        Assert.Contains(result.Graph.Edges, e => e.Relation == "denial" && e.Source == ru.EntityId && e.Target == nk.EntityId);
    }

    [Fact]
    public void A_stored_analysis_keeps_its_corroboration_and_gets_its_timeline_and_graph_back()
    {
        var result = Analyze();
        // What the store keeps: the wire records of documents' analysis, without the derived views.
        var json = JsonSerializer.Serialize(WireFormat.ToDto(result) with { Assessments = null, Timeline = null, Graph = null }, WireFormat.Options);
        var dto = JsonSerializer.Deserialize<AnalysisDto>(json, WireFormat.Options)!;
        var stored = new AnalysisResult(result.Documents, dto.Entities.Select(e => e.ToModel()).ToList(),
            dto.Claims.Select(c => c.ToModel()).ToList(), dto.Stories.Select(s => s.ToModel()).ToList());

        var arms = Assert.Single(stored.Stories, s => s.Title.StartsWith("Arms transfer"));
        Assert.Equal(["Russia"], arms.Corroboration.DeniedBy.ToArray());
        Assert.True(Assert.Single(arms.Corroboration.Figures).IsConflict);
        Assert.Equal(2, arms.Corroboration.Sources.Count);

        var completed = Analyzer.WithDefaultProvisions().Complete(stored);
        Assert.Equal(JsonSerializer.Serialize(WireFormat.ToDto(result), WireFormat.Options), JsonSerializer.Serialize(WireFormat.ToDto(completed), WireFormat.Options));
    }
}
