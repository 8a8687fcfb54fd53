using System.Text.Json;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Tests.Cli;

public sealed class ReviewCommandTests
{
    private const string EntityId = "per-kim-min-chol";

    private static string ListLine(params string[] aliases) => JsonSerializer.Serialize(new
    {
        id = "t-1",
        schema = "Person",
        datasets = new[] { "test_list" },
        properties = new { name = new[] { "KIM Min Chol" }, alias = aliases, birthDate = new[] { "1968" } },
    });

    /// <summary>A database holding one analysed document whose entity has a hit on the test list's entry.</summary>
    private static (string Db, string Lists) Setup(TempDir dir)
    {
        var lists = Directory.CreateDirectory(dir.File("lists")).FullName;
        File.WriteAllText(Path.Combine(lists, "entities.ftm.json"), ListLine());
        var db = dir.File("vigil.db");
        var doc = TestData.Doc("Kim Min Chol, a trader from Busan, visited the port.");
        var mention = new Mention(new Span(doc.Id, 0, 12), "Kim Min Chol", EntitySchema.Person, "Kim Min Chol");
        var hit = new SanctionHit("test_list", "t-1", "KIM Min Chol", 0.93, true, [], "all name tokens agree", []);
        using var store = new SqliteStore(db);
        store.Migrate();
        store.AddDocument(doc);
        store.SaveAnalysis(new AnalysisResult([doc], [new Entity(EntityId, EntitySchema.Person, "Kim Min Chol", [], [mention], [hit])], [], []));
        return (db, lists);
    }

    private static int HitsInReport(string db, string lists)
    {
        var run = CliRunner.Run("report", "--db", db, "--lists", lists, "--format", "json");
        Assert.True(run.ExitCode == 0, run.Err);
        return JsonDocument.Parse(run.Out).RootElement.GetProperty("entities").EnumerateArray()
            .Single(e => e.GetProperty("id").GetString() == EntityId).GetProperty("sanctions").GetArrayLength();
    }

    [Fact]
    public void A_false_positive_is_left_out_of_reports_with_who_when_why_until_the_list_changes_the_entry()
    {
        using var dir = new TempDir();
        var (db, lists) = Setup(dir);
        Assert.Equal(1, HitsInReport(db, lists));

        var added = CliRunner.Run("review", "add", EntityId, "test_list", "t-1", "--verdict", "false_positive",
            "--reviewer", "a.reviewer", "--note", "different person: born 1990 in Busan", "--db", db, "--lists", lists);

        Assert.True(added.ExitCode == 0, added.Err);
        Assert.Equal(0, HitsInReport(db, lists));
        var trail = CliRunner.Run("review", "trail", "--db", db, "--format", "json");
        var review = Assert.Single(JsonDocument.Parse(trail.Out).RootElement.EnumerateArray());
        Assert.Equal("a.reviewer", review.GetProperty("reviewer").GetString());
        Assert.Equal("false_positive", review.GetProperty("verdict").GetString());
        Assert.Equal("different person: born 1990 in Busan", review.GetProperty("note").GetString());
        Assert.False(string.IsNullOrEmpty(review.GetProperty("entry_fingerprint").GetString()));

        // The list adds an alias to the entry: the verdict was about the entry as it was, so the hit is back.
        File.WriteAllText(Path.Combine(lists, "entities.ftm.json"), ListLine("KIM Min-chol"));
        Assert.Equal(1, HitsInReport(db, lists));
    }

    [Fact]
    public void A_review_of_a_hit_the_entity_does_not_have_is_refused_and_nothing_is_recorded()
    {
        using var dir = new TempDir();
        var (db, lists) = Setup(dir);

        var wrongEntity = CliRunner.Run("review", "add", "per-nobody", "test_list", "t-1", "--verdict", "false_positive", "--reviewer", "r", "--db", db, "--lists", lists);
        var wrongHit = CliRunner.Run("review", "add", EntityId, "UN-SC", "KPi.001", "--verdict", "confirmed", "--reviewer", "r", "--db", db, "--lists", lists);

        Assert.Equal(1, wrongEntity.ExitCode);
        Assert.Contains("No entity with id 'per-nobody'", wrongEntity.Err, StringComparison.Ordinal);
        Assert.Equal(1, wrongHit.ExitCode);
        Assert.Contains("has no hit on UN-SC KPi.001", wrongHit.Err, StringComparison.Ordinal);
        Assert.Equal("[]", CliRunner.Run("review", "trail", "--db", db, "--format", "json").Out.Trim());
    }
}
