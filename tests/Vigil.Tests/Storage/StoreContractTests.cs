using Vigil.Model;
using Vigil.Storage;
using Vigil.Tests.TestSupport;

namespace Vigil.Tests.Storage;

/// <summary>
/// What every <see cref="IStore"/> promises, checked on SQLite and on a real PostgreSQL with the
/// same code (the PostgreSQL rows skip, saying why, only when no test server answers).
/// </summary>
public sealed class StoreContractTests
{
    private static (TestDatabase Db, IStore Store) Open(DbBackend backend)
    {
        var db = TestDatabase.Create(backend);
        var store = StoreFactory.Open(db.Db);
        store.Migrate();
        return (db, store);
    }

    private static AnalysisResult Sample(Document doc, string suffix = "")
    {
        var mention = new Mention(new Span(doc.Id, 0, 5), doc.Text[..5], EntitySchema.Person, "Vladimir Putin", 0.9);
        var hit = new SanctionHit("US-OFAC", "35096", "PUTIN, Vladimir Vladimirovich", 0.97, true, ["RUSSIA-EO14024"], "all name tokens agree",
            [new MatchFeature("name", 0.97, "putin = putin")]);
        var entity = new Entity("per-1" + suffix, EntitySchema.Person, "Vladimir Putin", ["Putin", "Путин"], [mention], [hit]);
        var claim = new Claim("clm-1" + suffix, doc.Id, ClaimType.ArmsTransfer, ["Russia", "North Korea"], new Quantity(10000, "container", QuantityQualifier.MoreThan),
            new DateMention(new Span(doc.Id, 6, 10), "June", FuzzyDate.Month(2024, 6)), "John Kirby", Stance.Reported, ["Sergey Lavrov"], ["UNSCR 1718 (2006) para 8"],
            new Span(doc.Id, 0, 10), doc.Text[..10]);
        var story = new Story("sty-1" + suffix, "Containers", [doc.Id], [claim.Id], new Corroboration(3, ["10,000 vs 13,000 containers"], "medium", ["two outlets"]));
        return new AnalysisResult([doc], [entity], [claim], [story]);
    }

    [Theory, SqliteBackend, PostgresBackend]
    public void Adding_the_same_document_twice_is_a_no_op(DbBackend backend)
    {
        var (db, store) = Open(backend);
        using var _ = db;
        using var __ = store;
        var doc = TestData.Doc("Putin signed the treaty in Pyongyang.");
        Assert.True(store.AddDocument(doc));
        Assert.False(store.AddDocument(doc));
        Assert.Equal(1, store.Count().Documents);
        Assert.Equal(doc.Text, Assert.Single(store.GetDocuments()).Text);
        Assert.Null(store.GetDocument("doc-missing"));
    }

    [Theory, SqliteBackend, PostgresBackend]
    public void Documents_keep_every_field_and_hostile_text_byte_for_byte(DbBackend backend)
    {
        var (db, store) = Open(backend);
        using var _ = db;
        using var __ = store;
        var text = "Ким Чен Ын 김정은 <script>alert('x')</script> ' OR 1=1; -- \"quoted\" \u2028 end";
        var doc = TestData.Doc(text, source: "https://example.org/a?b=c&d") with { Published = new NodaTime.LocalDate(2024, 6, 19), Outlet = "Outlet", Url = "javascript:alert(1)", Lang = "ru" };
        store.AddDocument(doc);
        var back = store.GetDocument(doc.Id)!;
        Assert.Equal(doc, back);
    }

    [Theory, SqliteBackend, PostgresBackend]
    public void An_analysis_round_trips_and_a_new_one_replaces_it(DbBackend backend)
    {
        var (db, store) = Open(backend);
        using var _ = db;
        using var __ = store;
        var doc = TestData.Doc("Putin signed the treaty in Pyongyang.");
        store.AddDocument(doc);
        store.SaveAnalysis(Sample(doc));
        store.SaveAnalysis(Sample(doc));
        Assert.Equal(new StoreCounts(1, 1, 1, 1, 1, 1), store.Count());

        var loaded = store.LoadAnalysis();
        var entity = Assert.Single(loaded.Entities);
        Assert.Equal(["Putin", "Путин"], entity.Aliases);
        Assert.Equal(0.9, entity.Mentions[0].Confidence);
        Assert.Equal("putin = putin", entity.Sanctions[0].Features[0].Detail);
        var claim = Assert.Single(loaded.Claims);
        Assert.Equal((ClaimType.ArmsTransfer, Stance.Reported, "2024-06"), (claim.Type, claim.Stance, claim.Date!.Date.ToString()));
        Assert.Equal(["Sergey Lavrov"], claim.DeniedBy);
        Assert.Equal(10000m, claim.Quantity!.Value);
        var story = Assert.Single(loaded.Stories);
        Assert.Equal(["10,000 vs 13,000 containers"], story.Corroboration.Conflicts);

        store.SaveAnalysis(Sample(doc, "-b"));
        var replaced = store.LoadAnalysis();
        Assert.Equal("per-1-b", Assert.Single(replaced.Entities).Id);
        Assert.Equal("clm-1-b", Assert.Single(replaced.Claims).Id);
    }

    [Theory, SqliteBackend, PostgresBackend]
    public void A_batch_counts_new_and_known_documents_and_keeps_near_copy_links(DbBackend backend)
    {
        var (db, store) = Open(backend);
        using var _ = db;
        using var __ = store;
        var original = TestData.Doc("Yonhap: North Korea shipped 10,000 containers to Russia.");
        var copy = TestData.Doc("Republished: North Korea shipped 10,000 containers to Russia.") with { DuplicateOf = original.Id };
        Assert.Equal(new AddedDocuments(1, 0), store.AddDocuments([original]));

        Assert.Equal(new AddedDocuments(1, 1), store.AddDocuments([original, copy]));

        Assert.Equal(original.Id, store.GetDocument(copy.Id)!.DuplicateOf);
        Assert.Null(store.GetDocument(original.Id)!.DuplicateOf);
        Assert.Equal(copy, store.GetDocuments().Single(d => d.Id == copy.Id));
    }

    [Theory, SqliteBackend, PostgresBackend]
    public void A_batch_that_fails_part_way_stores_none_of_its_documents(DbBackend backend)
    {
        var (db, store) = Open(backend);
        using var _ = db;
        using var __ = store;
        var good = TestData.Doc("Putin signed the treaty in Pyongyang.");
        // Text is NOT NULL in the schema: the second row fails, and the first must not stay behind.
        var bad = TestData.Doc("placeholder") with { Text = null! };

        Assert.ThrowsAny<Exception>(() => store.AddDocuments([good, bad]));

        Assert.Equal(0, store.Count().Documents);
    }

    [Theory, SqliteBackend, PostgresBackend]
    public void A_store_made_before_near_copy_links_migrates_with_its_documents(DbBackend backend)
    {
        using var db = TestDatabase.Create(backend);
        var doc = TestData.Doc("Kim Jong Un met Putin.");
        using (System.Data.IDbConnection c = backend == DbBackend.Sqlite
                   ? new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db.Db};Pooling=False")
                   : new Npgsql.NpgsqlConnection(db.Db))
        {
            // The schema as it was at version 2, with a document stored the way it was then.
            c.Open();
            SqlMigrator.Apply(c, Migrations.All.Where(m => m.Version <= 2).ToList());
            Dapper.SqlMapper.Execute(c, "INSERT INTO documents (id, content_hash, source, text, ingested_at) VALUES (@Id, @ContentHash, @Source, @Text, @At)",
                new { doc.Id, doc.ContentHash, doc.Source, doc.Text, At = "2024-06-19T00:00:00Z" });
        }
        using (var store = StoreFactory.Open(db.Db))
        {
            store.Migrate();
            var back = store.GetDocument(doc.Id)!;
            Assert.Equal(doc.Text, back.Text);
            Assert.Null(back.DuplicateOf);
        }
    }

    [Theory, SqliteBackend, PostgresBackend]
    public void Migrating_again_keeps_the_data(DbBackend backend)
    {
        using var db = TestDatabase.Create(backend);
        var doc = TestData.Doc("Kim Jong Un met Putin.");
        using (var store = StoreFactory.Open(db.Db)) { store.Migrate(); store.AddDocument(doc); }
        using (var store = StoreFactory.Open(db.Db))
        {
            store.Migrate();
            Assert.Equal(doc.Text, store.GetDocument(doc.Id)!.Text);
        }
    }

    [Theory, SqliteBackend, PostgresBackend]
    public void Processes_starting_together_migrate_once(DbBackend backend)
    {
        using var db = TestDatabase.Create(backend);
        Parallel.For(0, 4, _ =>
        {
            using var store = StoreFactory.Open(db.Db);
            store.Migrate();
        });
        using var check = StoreFactory.Open(db.Db);
        Assert.Equal(0, check.Count().Documents);
    }

    [Fact]
    public void A_connection_string_selects_postgresql_and_a_path_selects_sqlite()
    {
        Assert.True(StoreFactory.IsConnectionString("Host=localhost;Database=vigil"));
        Assert.True(StoreFactory.IsConnectionString("Server=db.example.org; Port=5432; Database=vigil"));
        Assert.False(StoreFactory.IsConnectionString("vigil.db"));
        Assert.False(StoreFactory.IsConnectionString("/data/a=b;c.db"));
    }

    [Fact]
    public void An_unreachable_postgresql_gives_an_error_naming_it_without_the_password()
    {
        using var store = StoreFactory.Open("Host=127.0.0.1;Port=1;Database=vigil;Username=u;Password=hunter2;Timeout=2");
        var e = Assert.Throws<StoreException>(store.Migrate);
        Assert.Contains("127.0.0.1", e.Message);
        Assert.DoesNotContain("hunter2", e.Message);
    }
}
