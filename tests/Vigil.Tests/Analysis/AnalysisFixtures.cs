using NodaTime;
using Vigil.Analysis;
using Vigil.Extraction;
using Vigil.Model;

namespace Vigil.Tests.Analysis;

/// <summary>Short documents, mentions and claims written for the analysis tests.</summary>
internal static class AnalysisFixtures
{
    public static Document Doc(string id, string text, string lang = "en", string? outlet = null, LocalDate? published = null) =>
        new(id, $"test:{id}", text, Ids.Hash(text), Title: id, Lang: lang, Published: published, Outlet: outlet);

    /// <summary>A mention of <paramref name="surface"/> at its first occurrence (after <paramref name="from"/>) in the document.</summary>
    public static Mention Mention(Document doc, string surface, EntitySchema schema, string? name = null, int from = 0)
    {
        var start = doc.Text.IndexOf(surface, from, StringComparison.Ordinal);
        if (start < 0) throw new ArgumentException($"'{surface}' is not in document {doc.Id}");
        return new Mention(new Span(doc.Id, start, start + surface.Length), surface, schema, name ?? surface);
    }

    public static ExtractionResult Extract(Document doc, IEnumerable<Mention> mentions, IEnumerable<Claim>? claims = null) =>
        new(doc.Id, mentions.ToList(), [], [], (claims ?? []).ToList());

    /// <summary>A claim whose evidence is the whole document text (or the given sentence).</summary>
    public static Claim Claim(Document doc, ClaimType type, string[] actors, string? date = null, Quantity? quantity = null,
        string? attribution = null, Stance stance = Stance.Asserted, string[]? deniedBy = null, string? evidence = null, int n = 0)
    {
        var text = evidence ?? doc.Text;
        var start = doc.Text.IndexOf(text, StringComparison.Ordinal);
        if (start < 0) throw new ArgumentException($"evidence not in document {doc.Id}");
        DateMention? dm = null;
        if (date is not null && FuzzyDate.TryParse(date, out var fd)) dm = new DateMention(new Span(doc.Id, start, start), date, fd);
        return new Claim(Ids.Derive("clm", doc.Id, n.ToString(), type.ToWire()), doc.Id, type, actors, quantity, dm, attribution, stance,
            deniedBy ?? [], [], new Span(doc.Id, start, start + text.Length), text);
    }

    /// <summary>Three short reports: two conflicting, one denied arms claim and a treaty; analysed with the shipped provisions.</summary>
    public static AnalysisResult SampleAnalysis()
    {
        var a = Doc("a", "North Korea has sent 10,000 containers of munitions to Russia, South Korea's NIS said. Russia denied it.", outlet: "Yonhap", published: new LocalDate(2024, 6, 20));
        var b = Doc("b", "Matthew Miller said North Korea provided more than 13,000 containers of munitions to Russia.", outlet: "Reuters", published: new LocalDate(2024, 6, 19));
        var c = Doc("c", "Putin e Kim Jong-un hanno firmato un trattato il 19 giugno 2024.", "it", outlet: "Ansa", published: new LocalDate(2024, 6, 19));
        var extractions = new[]
        {
            Extract(a, [Mention(a, "North Korea", EntitySchema.Location), Mention(a, "Russia", EntitySchema.Location), Mention(a, "NIS", EntitySchema.Organization)],
                [Claim(a, ClaimType.ArmsTransfer, ["North Korea", "Russia"], quantity: new Quantity(10000, "containers"), attribution: "NIS", deniedBy: ["Russia"],
                    evidence: "North Korea has sent 10,000 containers of munitions to Russia, South Korea's NIS said.", n: 1),
                 Claim(a, ClaimType.Denial, ["Russia"], evidence: "Russia denied it.", n: 2)]),
            Extract(b, [Mention(b, "Matthew Miller", EntitySchema.Person), Mention(b, "North Korea", EntitySchema.Location), Mention(b, "Russia", EntitySchema.Location)],
                [Claim(b, ClaimType.ArmsTransfer, ["North Korea", "Russia"], quantity: new Quantity(13000, "container", QuantityQualifier.MoreThan), attribution: "Matthew Miller")]),
            Extract(c, [Mention(c, "Putin", EntitySchema.Person), Mention(c, "Kim Jong-un", EntitySchema.Person)],
                [Claim(c, ClaimType.TreatySigned, ["Putin", "Kim Jong-un"], "2024-06-19")]),
        };
        return Analyzer.WithDefaultProvisions().Analyze([a, b, c], extractions);
    }
}
