using Vigil.Model;
using Vigil.Extraction.Ner;
using Vigil.Text;

namespace Vigil.Pipeline.Evaluation;

/// <summary>Found, correct and expected counts of one comparison, with precision, recall and F1.</summary>
public readonly record struct GoldCount(int Correct, int Predicted, int RecalledGold, int Gold)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)RecalledGold / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static GoldCount operator +(GoldCount a, GoldCount b) =>
        new(a.Correct + b.Correct, a.Predicted + b.Predicted, a.RecalledGold + b.RecalledGold, a.Gold + b.Gold);
}

/// <summary>What the pipeline made of the seed articles, compared with the seed annotations, summed over documents.</summary>
public sealed record SeedGoldComparison
{
    /// <summary>Entities of one document: a system entity is right when one of its mentions is a surface of an annotated entity of its type.</summary>
    public GoldCount Entities { get; init; }
    /// <summary>The same, a mention overlapping a place where a surface occurs (boundaries may differ).</summary>
    public GoldCount EntitiesOverlap { get; init; }
    /// <summary>Claims: the same type, and evidence that overlaps the annotated evidence.</summary>
    public GoldCount Claims { get; init; }
    /// <summary>Claims whatever their type: the evidence overlaps (the sentence was found).</summary>
    public GoldCount ClaimSentences { get; init; }
    /// <summary>Of the matched claims: who says so agrees (both the text's own voice, or a name in common).</summary>
    public int AttributionAgrees { get; init; }
    public int Matched { get; init; }
    /// <summary>Annotated claims that the text says someone denies, and how many of them the matched claim marks denied.</summary>
    public int DeniedGold { get; init; }
    public int DeniedFound { get; init; }
    /// <summary>Annotated text-grounded dates, and how many a matched claim carries the same.</summary>
    public int DatedGold { get; init; }
    public int DatedFound { get; init; }
    /// <summary>
    /// Screening of the annotated entities that were found: a match on a list the annotation names is right; a match on an
    /// entity the annotator is sure no regime lists is wrong; entities whose status the annotation leaves open are not counted.
    /// </summary>
    public GoldCount Screening { get; init; }

    public static SeedGoldComparison operator +(SeedGoldComparison a, SeedGoldComparison b) => new()
    {
        Entities = a.Entities + b.Entities,
        EntitiesOverlap = a.EntitiesOverlap + b.EntitiesOverlap,
        Claims = a.Claims + b.Claims,
        ClaimSentences = a.ClaimSentences + b.ClaimSentences,
        AttributionAgrees = a.AttributionAgrees + b.AttributionAgrees,
        Matched = a.Matched + b.Matched,
        DeniedGold = a.DeniedGold + b.DeniedGold,
        DeniedFound = a.DeniedFound + b.DeniedFound,
        DatedGold = a.DatedGold + b.DatedGold,
        DatedFound = a.DatedFound + b.DatedFound,
        Screening = a.Screening + b.Screening,
    };
}

/// <summary>
/// Compares one analysed document with its seed annotation. Annotations give surfaces and evidence as strings, not
/// offsets, so they are placed by finding every occurrence in the document's text; an entity found only in page
/// chrome (boilerplate_only) is not expected, and not held against the system either.
/// </summary>
public static class SeedGoldScore
{
    /// <summary>The annotation regimes, by the list names the screener gives its hits.</summary>
    private static readonly Dictionary<string, string> ListOfRegime = new(StringComparer.Ordinal)
    {
        ["UN"] = "UN-SC", ["US-OFAC"] = "US-OFAC", ["EU"] = "EU", ["UK"] = "UK",
    };

    public static SeedGoldComparison Compare(GoldDocument gold, Document document, IReadOnlyList<Entity> entities, IReadOnlyList<Claim> claims)
    {
        var text = document.Text;
        var inDocument = entities
            .Select(e => (Entity: e, Mentions: e.Mentions.Where(m => m.Span.DocumentId == document.Id).ToList()))
            .Where(x => x.Mentions.Count > 0)
            .ToList();
        var occurrences = gold.Entities.ToDictionary(g => g, g => g.Surfaces.SelectMany(s => Occurrences(text, s)).ToList());

        bool Names(GoldEntity g, Mention m) => TypeOf(m.Schema) == g.Type && g.Surfaces.Contains(m.Text, StringComparer.Ordinal);
        bool Overlaps(GoldEntity g, Mention m) => TypeOf(m.Schema) == g.Type && occurrences[g].Any(o => o.Start < m.Span.End && m.Span.Start < o.End);

        GoldCount CountEntities(Func<GoldEntity, Mention, bool> agree)
        {
            var correct = inDocument.Count(x => x.Mentions.Any(m => gold.Entities.Any(g => agree(g, m))));
            var expected = gold.Entities.Where(g => !g.BoilerplateOnly).ToList();
            var recalled = expected.Count(g => inDocument.Any(x => x.Mentions.Any(m => agree(g, m))));
            // A system entity that names only page-chrome entities is neither right nor wrong.
            var chromeOnly = inDocument.Count(x => !x.Mentions.Any(m => expected.Any(g => agree(g, m))) && x.Mentions.Any(m => gold.Entities.Any(g => g.BoilerplateOnly && agree(g, m))));
            return new GoldCount(correct - chromeOnly, inDocument.Count - chromeOnly, recalled, expected.Count);
        }

        // Screening: each annotated entity through the system entity that names it.
        int screenCorrect = 0, screenPredicted = 0, screenRecalled = 0, screenGold = 0;
        foreach (var g in gold.Entities.Where(g => g.SanctionedBy is not null && !g.BoilerplateOnly))
        {
            var found = inDocument.Where(x => x.Mentions.Any(m => Names(g, m))).Select(x => x.Entity).ToList();
            var matchedLists = found.SelectMany(e => e.Sanctions).Where(h => h.IsMatch).Select(h => h.List).ToHashSet(StringComparer.Ordinal);
            var expectedLists = g.SanctionedBy!.Select(r => ListOfRegime.GetValueOrDefault(r, r)).ToHashSet(StringComparer.Ordinal);
            if (expectedLists.Count > 0) screenGold++;
            if (matchedLists.Count == 0) continue;
            screenPredicted++;
            if (expectedLists.Overlaps(matchedLists)) { screenCorrect++; screenRecalled++; }
        }

        // Claims: each annotated event against the document's claims.
        var docClaims = claims.Where(c => c.DocumentId == document.Id).ToList();
        var evidence = gold.Events.Select(e => Occurrences(text, e.Evidence).ToList()).ToList();
        bool SameSentence(int e, Claim c) => evidence[e].Any(o => o.Start < c.Evidence.End && c.Evidence.Start < o.End);
        bool SameClaim(int e, Claim c) => SameSentence(e, c) && c.Type.ToWire() == gold.Events[e].Type;
        int matched = 0, attributionAgrees = 0, deniedGold = 0, deniedFound = 0, datedGold = 0, datedFound = 0;
        for (var e = 0; e < gold.Events.Count; e++)
        {
            var ev = gold.Events[e];
            var claim = docClaims.FirstOrDefault(c => SameClaim(e, c));
            if (ev.DeniedBy.Count > 0) deniedGold++;
            if (ev.Date is not null) datedGold++;
            if (claim is null) continue;
            matched++;
            if (AttributionAgrees(ev.Attribution, claim, gold.Entities)) attributionAgrees++;
            if (ev.DeniedBy.Count > 0 && (claim.Stance == Stance.Denied || claim.DeniedBy.Count > 0)) deniedFound++;
            if (ev.Date is not null && claim.Date?.Date?.ToString() == ev.Date) datedFound++;
        }
        GoldCount CountClaims(Func<int, Claim, bool> agree) => new(
            docClaims.Count(c => Enumerable.Range(0, gold.Events.Count).Any(e => agree(e, c))), docClaims.Count,
            Enumerable.Range(0, gold.Events.Count).Count(e => docClaims.Any(c => agree(e, c))), gold.Events.Count);

        return new SeedGoldComparison
        {
            Entities = CountEntities(Names),
            EntitiesOverlap = CountEntities(Overlaps),
            Claims = CountClaims(SameClaim),
            ClaimSentences = CountClaims(SameSentence),
            Matched = matched,
            AttributionAgrees = attributionAgrees,
            DeniedGold = deniedGold,
            DeniedFound = deniedFound,
            DatedGold = datedGold,
            DatedFound = datedFound,
            Screening = new GoldCount(screenCorrect, screenPredicted, screenRecalled, screenGold),
        };
    }

    /// <summary>The annotation's types: PER, ORG, LOC as the taggers label them; a vessel is none of them (the seeds name none).</summary>
    internal static string TypeOf(EntitySchema schema) => schema == EntitySchema.Vessel ? "VESSEL" : NerLabels.TypeOf(schema);

    /// <summary>Every place <paramref name="value"/> occurs in <paramref name="text"/>, exactly as written.</summary>
    internal static IEnumerable<(int Start, int End)> Occurrences(string text, string value)
    {
        if (value.Length == 0) yield break;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
            yield return (at, at + value.Length);
    }

    /// <summary>
    /// Both in the text's own voice; or the annotator's label (free English text, "Vladimir Putin, as reported by TASS")
    /// and the claim's attribution share a name: a word of three letters or more, or the canonical name of an annotated
    /// entity whose surface the claim's attribution gives.
    /// </summary>
    internal static bool AttributionAgrees(string? gold, Claim claim, IReadOnlyList<GoldEntity> entities)
    {
        var system = claim.Attribution;
        if (gold is null || system is null) return gold is null && system is null;
        var goldWords = Words(gold);
        if (Words(system).Overlaps(goldWords)) return true;
        return entities.Any(e => e.Surfaces.Any(s => system.Contains(s, StringComparison.Ordinal)) && Words(e.Name).Overlaps(goldWords));
    }

    private static readonly HashSet<string> LabelWords = new(StringComparer.Ordinal) { "as", "reported", "by", "the", "and", "according", "to", "of", "sources" };

    private static HashSet<string> Words(string label) =>
        Tokenizer.Tokenize(label).Where(t => t.Kind == TokenKind.Word).Select(t => Tokenizer.Normalize(t.SpanOf(label)))
            .Where(w => w.Length >= 3 && !LabelWords.Contains(w)).ToHashSet(StringComparer.Ordinal);
}
