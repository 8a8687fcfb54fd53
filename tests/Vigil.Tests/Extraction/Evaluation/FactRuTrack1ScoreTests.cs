using Vigil.Extraction.Evaluation;
using Vigil.Extraction.Ner;

namespace Vigil.Tests.Extraction.Evaluation;

/// <summary>Hand-made documents whose track-1 scores are worked out by hand in the comments.</summary>
public sealed class FactRuTrack1ScoreTests
{
    /// <summary>Tokens from words separated by single spaces, except that a word starting with '|' is glued to the one before.</summary>
    private static List<FactRuToken> Tokens(params string[] words)
    {
        var tokens = new List<FactRuToken>();
        var at = 0;
        foreach (var w in words)
        {
            var glued = w.StartsWith('|');
            var text = glued ? w[1..] : w;
            if (tokens.Count > 0 && !glued) at++;
            tokens.Add(new FactRuToken(at, text.Length, text));
            at += text.Length;
        }
        return tokens;
    }

    private static FactRuMention Gold(string type, params (int Token, double Weight)[] tokens) =>
        new("m", type, tokens.ToDictionary(t => t.Token, t => t.Weight));

    private static FactRuDocument Doc(List<FactRuToken> tokens, params FactRuMention[] gold) => new("book_1", tokens, gold, true, [], []);

    /// <summary>A system mention over tokens first..last, as a response file gives it (start, length).</summary>
    private static (string, int, int) Sys(List<FactRuToken> tokens, string type, int first, int last) =>
        (type, tokens[first].Start, tokens[last].Last - tokens[first].Start + 1);

    private static FactRuTrack1Score.Counts Score(FactRuDocument doc, bool locOrgAsLocation, params (string, int, int)[] system)
    {
        var score = new FactRuTrack1Score(locOrgAsLocation);
        score.Add(doc, system);
        return score.Overall;
    }

    private static void AssertCounts(FactRuTrack1Score.Counts c, double tp, int gold, int system)
    {
        Assert.Equal(tp, c.TruePositive, 6);
        Assert.Equal(gold, c.Gold);
        Assert.Equal(system, c.System);
    }

    private static readonly List<FactRuToken> Sentence = Tokens("Компания", "Газпром", "и", "Алексей", "Миллер", "|.");

    // Gold: org "Компания Газпром" (descriptor 0, name 1), per "Алексей Миллер" (1, 1).
    private static readonly FactRuDocument CompanyAndPerson = Doc(Sentence, Gold("org", (0, 0), (1, 1)), Gold("per", (3, 1), (4, 1)));

    [Fact]
    public void Partial_overlap_earns_the_weighted_token_share()
    {
        // org: identical tokens, 1/(1+0+0) = 1. per "Миллер" alone: tp 1, fn 1 (Алексей), fp 0 → 0.5.
        // TP 1.5 over 2 annotated and 2 system mentions: P = R = F1 = 0.75.
        var score = new FactRuTrack1Score();
        score.Add(CompanyAndPerson, [Sys(Sentence, "ORG", 0, 1), Sys(Sentence, "PER", 4, 4)]);
        AssertCounts(score.Overall, 1.5, 2, 2);
        Assert.Equal(0.75, score.Overall.F1, 6);
        Assert.Equal(1.0, score.ByType["org"].F1, 6);
        Assert.Equal(0.5, score.ByType["per"].F1, 6);
    }

    [Fact]
    public void A_descriptor_left_out_costs_nothing_and_an_extra_word_costs_a_share()
    {
        // "Газпром" without "Компания": tp 1 (Газпром), fn 0 (Компания weighs 0), fp 0 → 1.
        AssertCounts(Score(CompanyAndPerson, false, Sys(Sentence, "ORG", 1, 1), Sys(Sentence, "PER", 3, 4)), 2, 2, 2);
        // "и Алексей Миллер": tp 2, fn 0, fp 1 ("и" is a letter, so it counts) → 2/3; the org is missed.
        AssertCounts(Score(CompanyAndPerson, false, Sys(Sentence, "PER", 2, 4)), 2.0 / 3, 2, 1);
    }

    [Fact]
    public void Types_must_agree_and_LocOrg_counts_as_loc_only_with_the_l_option()
    {
        var tokens = Tokens("в", "России");
        var doc = Doc(tokens, Gold("locorg", (1, 1)));
        // Default mode: LOC cannot pair with locorg: one miss, one spurious.
        AssertCounts(Score(doc, false, Sys(tokens, "LOC", 1, 1)), 0, 1, 1);
        AssertCounts(Score(doc, true, Sys(tokens, "LOC", 1, 1)), 1, 1, 1);
    }

    [Fact]
    public void A_mention_inside_a_larger_one_is_ignored_with_whatever_it_matched()
    {
        var tokens = Tokens("Банк", "России");
        var doc = Doc(tokens, Gold("org", (0, 1), (1, 1)), Gold("loc", (1, 1)));
        // The loc lies inside the org: ignored, and the system LOC paired with it counts on neither side.
        // The org is missed: TP 0, 1 annotated, 0 system → P 1, R 0, F1 0.
        var onlyLoc = Score(doc, false, Sys(tokens, "LOC", 1, 1));
        AssertCounts(onlyLoc, 0, 1, 0);
        Assert.Equal(0, onlyLoc.F1);
        AssertCounts(Score(doc, false, Sys(tokens, "ORG", 0, 1), Sys(tokens, "LOC", 1, 1)), 1, 1, 1);
    }

    [Fact]
    public void A_location_doubling_an_organisation_counts_only_when_it_alone_is_matched()
    {
        var tokens = Tokens("Кремль", "ответил");
        var doc = Doc(tokens, Gold("org", (0, 1)), Gold("loc", (0, 1)));
        // ORG found: the unmatched loc twin is ignored → 1 of 1.
        AssertCounts(Score(doc, false, Sys(tokens, "ORG", 0, 0)), 1, 1, 1);
        // LOC found: the loc counts (matched), the org has no twin rule of its own and counts as missed → 1 of 2.
        AssertCounts(Score(doc, false, Sys(tokens, "LOC", 0, 0)), 1, 2, 1);
        // Nothing found: only the org counts.
        AssertCounts(Score(doc, false), 0, 1, 0);
    }

    [Fact]
    public void An_annotation_with_no_name_is_ignored()
    {
        var tokens = Tokens("компания", "заявила");
        var doc = Doc(tokens, Gold("org", (0, 0)));
        AssertCounts(Score(doc, false, Sys(tokens, "ORG", 0, 0)), 0, 0, 0);
        Assert.Equal(1, Score(doc, false).F1);
    }

    [Fact]
    public void Punctuation_glued_to_a_word_is_left_out_of_a_system_mention()
    {
        var tokens = Tokens("«", "|Газпром", "|»", "вырос");
        var doc = Doc(tokens, Gold("org", (1, 1)));
        // The quotes touch the name, so the system interval «Газпром» holds the name token only: a perfect pair.
        AssertCounts(Score(doc, false, Sys(tokens, "ORG", 0, 2)), 1, 1, 1);
    }

    [Fact]
    public void Each_mention_pairs_once()
    {
        var tokens = Tokens("Иван", "Петров");
        var doc = Doc(tokens, Gold("per", (0, 1)), Gold("per", (1, 1)));
        // One system mention over both: it pairs with one of them, 1/(1+0+1) = 0.5; TP 0.5, 2 annotated, 1 system.
        // P 0.5, R 0.25, F1 1/3.
        var c = Score(doc, false, Sys(tokens, "PER", 0, 1));
        AssertCounts(c, 0.5, 2, 1);
        Assert.Equal(1.0 / 3, c.F1, 6);
    }

    [Fact]
    public void Documents_add_up_before_the_ratios()
    {
        var tokens = Tokens("в", "России");
        var score = new FactRuTrack1Score();
        score.Add(CompanyAndPerson, [Sys(Sentence, "ORG", 0, 1), Sys(Sentence, "PER", 4, 4)]);
        score.Add(Doc(tokens, Gold("locorg", (1, 1))), [Sys(tokens, "LOC", 1, 1)]);
        // (1.5, 2, 2) + (0, 1, 1) = (1.5, 3, 3): P = R = F1 = 0.5.
        AssertCounts(score.Overall, 1.5, 3, 3);
        Assert.Equal(0.5, score.Overall.F1, 6);
        Assert.Equal(0, score.ByType["locorg"].F1);
        Assert.Equal(0, score.ByType["loc"].F1);
    }

    [Fact]
    public void The_tagger_LOCORG_type_is_a_place_for_the_pipeline() =>
        Assert.Equal(Vigil.Model.EntitySchema.Location, NerLabels.SchemaOf("LOCORG"));
}
