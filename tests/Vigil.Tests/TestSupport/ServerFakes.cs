using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using Vigil.Model;
using Vigil.Screening;
using Vigil.Server.Api;
using Vigil.Server.Hosting;
using Vigil.Storage;

namespace Vigil.Tests.TestSupport;

/// <summary>An in-memory store: enough for the server's tests, without any database.</summary>
public sealed class FakeStore(AnalysisResult analysis) : IStore
{
    private readonly Dictionary<string, Document> _docs = analysis.Documents.ToDictionary(d => d.Id);
    private AnalysisResult _analysis = analysis;

    public void Migrate() { }
    public bool AddDocument(Document document) => _docs.TryAdd(document.Id, document);
    public Document? GetDocument(string id) => _docs.GetValueOrDefault(id);
    public IReadOnlyList<Document> GetDocuments() => _docs.Values.ToList();
    public void SaveAnalysis(AnalysisResult analysis) => _analysis = analysis;
    public AnalysisResult LoadAnalysis() => _analysis with { Documents = _docs.Values.ToList() };
    public StoreCounts Count() => new(_docs.Count, _analysis.Entities.Count, _analysis.Entities.Sum(e => e.Mentions.Count), _analysis.Entities.Sum(e => e.Sanctions.Count), _analysis.Claims.Count, _analysis.Stories.Count);
    public void Dispose() { }
}

/// <summary>
/// A deliberately simple screener for server tests: the share of query tokens found in an
/// entry's best name; a match from 0.8. (The real matcher is tested with the screening stage.)
/// </summary>
public sealed class FakeScreener(IReadOnlyList<ListEntry> entries) : IScreener
{
    public IReadOnlyList<SanctionHit> Screen(ScreeningQuery query, int limit = 10, double minScore = 0.5)
    {
        var q = Tokens(query.Name);
        if (q.Count == 0) return [];
        return entries
            .Where(e => query.Schema is null || e.Schema == query.Schema)
            .Select(e => (e, score: e.AllNames.Max(n => (double)q.Count(Tokens(n).Contains) / Math.Max(q.Count, Tokens(n).Count))))
            .Where(x => x.score >= minScore)
            .OrderByDescending(x => x.score).ThenBy(x => x.e.ListId, StringComparer.Ordinal)
            .Take(limit)
            .Select(x => new SanctionHit(x.e.List, x.e.ListId, x.e.Name, x.score, x.score >= 0.8, x.e.Programs,
                $"{x.score:P0} of the name tokens agree", [new MatchFeature("name", x.score, "token overlap")]))
            .ToList();
    }

    private static HashSet<string> Tokens(string s) =>
        s.ToLowerInvariant().Split([' ', '-', ','], StringSplitOptions.RemoveEmptyEntries).ToHashSet();
}

/// <summary>A small analysis and two lists, with a hostile document among them.</summary>
public static class SampleData
{
    public const string HostileText =
        "Il ministro <script>window.__pwned = 1</script> ha detto <img src=x onerror=\"window.__pwned = 2\"> " +
        "che <a href=\"javascript:window.__pwned = 3\">Kim Jong Un</a> ha incontrato Putin a Pyongyang.";

    public static readonly ListEntry Kim = new()
    {
        List = "UN-SC", ListId = "KPi.033", Schema = EntitySchema.Person, Name = "Kim Jong Un", Aliases = ["Kim Jong-un"],
        BirthDates = [FuzzyDate.Day(new LocalDate(1984, 1, 8))], Nationalities = ["KP"], Programs = ["DPRK"],
    };

    public static readonly ListEntry KimOfac = new()
    {
        List = "US-OFAC", ListId = "20193", Schema = EntitySchema.Person, Name = "KIM Jong Un", Programs = ["DPRK2"],
        Identifiers = [new EntryIdentifier("Passport", "PS123")],
    };

    public static readonly ListEntry Vessel = new()
    {
        List = "US-OFAC", ListId = "30001", Schema = EntitySchema.Vessel, Name = "Angara", Programs = ["RUSSIA-EO14024"],
        Identifiers = [new EntryIdentifier("IMO", "9179842")],
    };

    public static IReadOnlyList<ListEntry> Entries => [Kim, KimOfac, Vessel];

    public static AnalysisResult Analysis()
    {
        var doc1 = new Document("doc-1", "seeds/1.txt", "Kim Jong Un ha incontrato Vladimir Putin a Pyongyang il 19 giugno 2024.", "h1", "Vertice a Pyongyang", "it", new LocalDate(2024, 6, 19));
        var doc2 = new Document("doc-2", "seeds/2.txt", HostileText, "h2", "<script>alert('title')</script>", "it", new LocalDate(2024, 6, 20), "Outlet", "javascript:alert(1)");
        var kimMentions = new List<Mention>
        {
            new(new Span("doc-1", 0, 11), "Kim Jong Un", EntitySchema.Person, "Kim Jong Un"),
            new(new Span("doc-2", doc2.Text.IndexOf("Kim Jong Un", StringComparison.Ordinal), doc2.Text.IndexOf("Kim Jong Un", StringComparison.Ordinal) + 11), "Kim Jong Un", EntitySchema.Person, "Kim Jong Un"),
        };
        var kim = new Entity("ent-kim", EntitySchema.Person, "Kim Jong Un", ["Kim Jong-un"], kimMentions,
        [
            new SanctionHit("UN-SC", "KPi.033", "Kim Jong Un", 0.97, true, ["DPRK"], "name and date of birth agree", [new MatchFeature("name", 1, "exact")]),
            new SanctionHit("US-OFAC", "20193", "KIM Jong Un", 0.91, true, ["DPRK2"], "name agrees", [new MatchFeature("name", 0.95, "case-folded")]),
        ]);
        var putin = new Entity("ent-putin", EntitySchema.Person, "Vladimir Putin", ["Putin"],
            [new Mention(new Span("doc-1", 26, 40), "Vladimir Putin", EntitySchema.Person, "Vladimir Putin")], []);
        var evil = new Entity("ent-evil", EntitySchema.Organization, "<img src=x onerror=\"window.__pwned = 4\">", [],
            [new Mention(new Span("doc-2", 0, 10), "Il ministr", EntitySchema.Organization, "x")], []);
        var meeting = new Claim("claim-1", "doc-1", ClaimType.Meeting, ["Kim Jong Un", "Vladimir Putin"], null,
            new DateMention(new Span("doc-1", 49, 62), "19 giugno 2024", FuzzyDate.Day(new LocalDate(2024, 6, 19))), null, Stance.Asserted, [], [],
            new Span("doc-1", 0, doc1.Text.Length), doc1.Text);
        var hostileClaim = new Claim("claim-2", "doc-2", ClaimType.Statement, ["<b>Kim</b>"], null, null, "<script>alert(2)</script>", Stance.Reported, [], [],
            new Span("doc-2", 0, doc2.Text.Length), doc2.Text);
        var story = new Story("story-1", "Vertice <i>Kim</i>–Putin", ["doc-1", "doc-2"], ["claim-1", "claim-2"], new Corroboration(2, ["<script>x</script> vs 3"]));
        return new AnalysisResult([doc1, doc2], [kim, putin, evil], [meeting, hostileClaim], [story]);
    }
}

/// <summary>The real server over fakes: the sample analysis, a SQLite job queue and review log, the fake screener.</summary>
public sealed class VigilServerFactory : WebApplicationFactory<Vigil.Server.Program>
{
    private readonly TestDatabase _db = TestDatabase.Create(DbBackend.Sqlite);
    private readonly Dictionary<string, string?> _settings;

    public VigilServerFactory() : this(null) { }

    private VigilServerFactory(AnalysisResult? analysis, IReadOnlyList<ListEntry>? entries = null, Dictionary<string, string?>? settings = null)
    {
        TestDatabase.Migrate(_db.Db);
        Store = new FakeStore(analysis ?? SampleData.Analysis());
        Entries = entries ?? SampleData.Entries;
        _settings = settings ?? [];
    }

    /// <summary>A factory over other data or settings (xunit fixtures need the parameterless one).</summary>
    public static VigilServerFactory With(AnalysisResult? analysis = null, IReadOnlyList<ListEntry>? entries = null, Dictionary<string, string?>? settings = null, bool exposed = false, bool realStore = false) =>
        new(analysis, entries, settings) { Exposed = exposed, RealStore = realStore };

    public FakeStore Store { get; }

    public IReadOnlyList<ListEntry> Entries { get; }

    public string Db => _db.Db;

    /// <summary>Pretend the server listens on a public address (for the API-key rules).</summary>
    public bool Exposed { get; init; }

    /// <summary>Use the real SQLite store (and an in-process worker) instead of the fake store.</summary>
    public bool RealStore { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Vigil:Worker", RealStore ? "true" : "false");
        builder.UseSetting("Vigil:Db", _db.Db);
        builder.UseSetting("Vigil:Uploads", Path.Combine(Path.GetTempPath(), "vigil-test-uploads"));
        foreach (var (k, v) in _settings) builder.UseSetting(k, v);
        // The console logger writes to Console.Out from its own thread; tests running the CLI in parallel
        // capture Console.Out and would read the server's "info: ..." lines as their own output.
        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.ConfigureTestServices(services =>
        {
            if (!RealStore) services.AddSingleton(new Backend(Store, StoreFactory.OpenJobs(_db.Db), StoreFactory.OpenReviews(_db.Db)));
            services.AddSingleton(new CatalogHolder(() => new ScreeningCatalog(Entries, new FakeScreener(Entries))));
            if (Exposed) services.AddSingleton<ListenScope>(new ExposedScope());
        });
    }

    private sealed class ExposedScope() : ListenScope(null!)
    {
        public override bool IsLoopbackOnly => false;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _db.Dispose();
    }
}
