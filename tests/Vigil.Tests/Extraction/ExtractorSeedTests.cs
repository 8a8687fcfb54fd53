using NodaTime;
using Vigil.Evaluation;
using Vigil.Extraction;
using Vigil.Model;
using Xunit.Abstractions;

namespace Vigil.Tests.Extraction;

/// <summary>The extractor on the five seed articles, read in place from ../shared/seeds.</summary>
public sealed class ExtractorSeedTests(ExtractorFixture fixture, ITestOutputHelper output) : IClassFixture<ExtractorFixture>
{
    private static readonly Lazy<IReadOnlyList<Document>> Seeds = new(() =>
        Directory.GetFiles(SharedData.Path("seeds"), "*.txt").Order(StringComparer.Ordinal)
            .Select(p => { var t = File.ReadAllText(p); return new Document(Path.GetFileNameWithoutExtension(p), p, t, Ids.Hash(t), Lang: "it"); })
            .ToList());

    private IReadOnlyList<ExtractionResult> ExtractAll() => Seeds.Value.Select(fixture.Extractor.Extract).ToList();

    private static IEnumerable<Mention> All(IEnumerable<ExtractionResult> results) => results.SelectMany(r => r.Mentions);

    [Fact]
    public void Finds_Putin_and_Kim_Jong_Un_as_persons_across_articles()
    {
        var results = ExtractAll();
        foreach (var r in results)
            output.WriteLine($"{r.DocumentId}: " + string.Join("; ", r.Mentions.Select(m => $"{m.Text}→{m.Name}/{m.Schema}")));
        foreach (var name in new[] { "Vladimir Putin", "Kim Jong Un" })
        {
            var docs = results.Where(r => r.Mentions.Any(m => m.Name == name && m.Schema == EntitySchema.Person)).Select(r => r.DocumentId).Distinct().Count();
            Assert.True(docs >= 4, $"{name} found in {docs} articles");
        }
    }

    [Fact]
    public void Finds_the_places_under_their_English_names()
    {
        var places = All(ExtractAll()).Where(m => m.Schema == EntitySchema.Location).Select(m => m.Name).ToHashSet();
        foreach (var p in new[] { "Pyongyang", "Russia", "Ukraine", "North Korea", "Moscow" }) Assert.Contains(p, places);
    }

    [Fact]
    public void Finds_TASS_and_the_UN_Security_Council_as_organisations()
    {
        var orgs = All(ExtractAll()).Where(m => m.Schema == EntitySchema.Organization).Select(m => m.Name).ToHashSet();
        Assert.Contains("TASS", orgs);
        Assert.Contains("UN Security Council", orgs);
    }

    [Fact]
    public void Every_mention_text_is_the_document_text_under_its_span()
    {
        foreach (var (doc, r) in Seeds.Value.Zip(ExtractAll()))
        {
            foreach (var m in r.Mentions) Assert.Equal(doc.Text[m.Span.Start..m.Span.End], m.Text);
            foreach (var d in r.Dates) Assert.Equal(doc.Text[d.Span.Start..d.Span.End], d.Text);
        }
    }

    [Fact]
    public void Demonyms_are_not_mentions()
    {
        var texts = All(ExtractAll()).Select(m => m.Text.ToLowerInvariant()).ToHashSet();
        foreach (var d in new[] { "nordcoreano", "russo", "russa", "ucraini", "sudcoreane", "nordcoreana" }) Assert.DoesNotContain(d, texts);
    }

    [Fact]
    public void Weekdays_resolve_only_against_a_known_publication_date()
    {
        var seed = Seeds.Value[0];
        var unknown = fixture.Extractor.Extract(seed).Dates.First(d => d.Text == "questo mercoledì");
        Assert.Null(unknown.Date);
        var known = fixture.Extractor.Extract(seed with { Published = new LocalDate(2024, 6, 19) }).Dates.First(d => d.Text == "questo mercoledì");
        Assert.Equal("2024-06-19", known.Date.ToString());
    }

    private IReadOnlyList<ExtractionResult> ExtractAllPublished(LocalDate published) =>
        Seeds.Value.Select(d => fixture.Extractor.Extract(d with { Published = published })).ToList();

    [Fact]
    public void The_treaty_signing_is_dated_when_the_publication_date_allows_it()
    {
        var dated = ExtractAllPublished(new LocalDate(2024, 6, 19)).SelectMany(r => r.Claims)
            .Where(c => c.Type == ClaimType.TreatySigned && c.Date?.Date is not null).ToList();
        Assert.Contains(dated, c => c.Date!.Date.ToString() == "2024-06-19" && c.Actors.Contains("North Korea") && c.Actors.Contains("Russia"));
        // Without a publication date, "questo mercoledì" dates nothing.
        Assert.DoesNotContain(ExtractAll().SelectMany(r => r.Claims), c => c.Type == ClaimType.TreatySigned && c.Date?.Text == "questo mercoledì" && c.Date.Date is not null);
    }

    [Fact]
    public void Putins_statements_are_attributed_to_Putin()
    {
        var statements = ExtractAll().SelectMany(r => r.Claims).Where(c => c.Type == ClaimType.Statement && c.Attribution?.StartsWith("Vladimir Putin") == true).ToList();
        Assert.True(statements.Count >= 3, $"{statements.Count} statements attributed to Putin");
        Assert.All(statements, c => Assert.Equal(Stance.Reported, c.Stance));
    }

    [Fact]
    public void The_March_veto_is_a_veto_claim()
    {
        var veto = Assert.Single(ExtractAllPublished(new LocalDate(2024, 6, 19)).SelectMany(r => r.Claims), c => c.Type == ClaimType.Veto);
        Assert.Contains("Russia", veto.Actors);
        Assert.Contains("UN Security Council", veto.Actors);
        Assert.Equal("2024-03", veto.Date?.Date.ToString());
    }

    [Fact]
    public void The_denied_munitions_claim_carries_its_deniers()
    {
        var transfer = ExtractAll().SelectMany(r => r.Claims).Single(c => c.Type == ClaimType.ArmsTransfer && c.Attribution == "Matthew Miller");
        Assert.Equal(["North Korea", "Russia"], transfer.Actors.Where(a => a is "North Korea" or "Russia"));
        Assert.Contains("Russia", transfer.DeniedBy);
        Assert.Contains("North Korea", transfer.DeniedBy);
        Assert.Equal(new Quantity(10, "missile", QuantityQualifier.AtLeast), transfer.Quantity);
    }
}
