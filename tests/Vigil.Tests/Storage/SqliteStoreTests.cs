using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Tests.Storage;

public class SqliteStoreTests
{
    private static AnalysisResult SampleAnalysis(Document doc)
    {
        var span = new Span(doc.Id, 0, 5);
        var mention = new Mention(span, doc.Text[..5], EntitySchema.Person, "Vladimir Putin");
        var hit = new SanctionHit("US-OFAC", "35096", "PUTIN, Vladimir Vladimirovich", 0.97, true, ["RUSSIA-EO14024"], "all name tokens agree",
            [new MatchFeature("name", 0.97, "putin = putin")]);
        var entity = new Entity("per-1", EntitySchema.Person, "Vladimir Putin", ["Putin"], [mention], [hit]);
        var claim = new Claim("clm-1", doc.Id, ClaimType.TreatySigned, ["Russia", "North Korea"], new Quantity(10000, "container", QuantityQualifier.MoreThan),
            new DateMention(new Span(doc.Id, 6, 10), "June", FuzzyDate.Month(2024, 6)), "TASS", Stance.Reported, [], [], new Span(doc.Id, 0, 10), doc.Text[..10]);
        var story = new Story("sty-1", "Treaty", [doc.Id], [claim.Id], new Corroboration(1, []));
        return new AnalysisResult([doc], [entity], [claim], [story]);
    }

    [Fact]
    public void Adding_the_same_document_twice_is_a_no_op()
    {
        using var dir = new TempDir();
        using var store = new SqliteStore(dir.File("vigil.db"));
        store.Migrate();
        var doc = TestData.Doc("Putin signed the treaty in Pyongyang.");
        Assert.True(store.AddDocument(doc));
        Assert.False(store.AddDocument(doc));
        Assert.Equal(1, store.Count().Documents);
    }

    [Fact]
    public void Analysis_round_trips_and_replaces_rather_than_adds()
    {
        using var dir = new TempDir();
        using var store = new SqliteStore(dir.File("vigil.db"));
        store.Migrate();
        var doc = TestData.Doc("Putin signed the treaty in Pyongyang.");
        store.AddDocument(doc);
        var analysis = SampleAnalysis(doc);
        store.SaveAnalysis(analysis);
        store.SaveAnalysis(analysis);

        Assert.Equal(new StoreCounts(1, 1, 1, 1, 1, 1), store.Count());
        var loaded = store.LoadAnalysis();
        var entity = Assert.Single(loaded.Entities);
        Assert.Equal("Vladimir Putin", entity.Name);
        Assert.Equal(doc.Text[..5], entity.Mentions[0].Text);
        Assert.Equal("35096", entity.Sanctions[0].ListId);
        var claim = Assert.Single(loaded.Claims);
        Assert.Equal(ClaimType.TreatySigned, claim.Type);
        Assert.Equal("2024-06", claim.Date!.Date.ToString());
        Assert.Equal(QuantityQualifier.MoreThan, claim.Quantity!.Qualifier);
        Assert.Equal(Stance.Reported, claim.Stance);
    }

    [Fact]
    public void Data_survives_reopening_and_migrating_again()
    {
        using var dir = new TempDir();
        var path = dir.File("vigil.db");
        var doc = TestData.Doc("Kim Jong Un met Putin.");
        using (var store = new SqliteStore(path)) { store.Migrate(); store.AddDocument(doc); }
        using (var store = new SqliteStore(path))
        {
            store.Migrate();
            Assert.Equal(doc.Text, store.GetDocument(doc.Id)!.Text);
        }
    }

    [Fact]
    public void A_file_that_is_not_a_database_gives_a_clear_error()
    {
        using var dir = new TempDir();
        var path = dir.File("notadb.db");
        File.WriteAllText(path, new string('x', 4096));
        var e = Assert.ThrowsAny<Exception>(() => { using var s = new SqliteStore(path); s.Migrate(); });
        Assert.Contains("notadb.db", e.Message + (e.InnerException?.Message ?? ""), StringComparison.Ordinal);
    }
}
