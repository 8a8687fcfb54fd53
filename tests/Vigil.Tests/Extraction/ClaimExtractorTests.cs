using NodaTime;
using Vigil.Extraction;
using Vigil.Model;

namespace Vigil.Tests.Extraction;

/// <summary>Claims, attribution, denial, dates and quantities on sentences written for these tests, one or more per language.</summary>
public sealed class ClaimExtractorTests(ExtractorFixture fixture) : IClassFixture<ExtractorFixture>
{
    private static readonly LocalDate Published = new(2024, 11, 20);

    private ExtractionResult Run(string text, string lang) =>
        fixture.Extractor.Extract(new Document("t", "test", text, Ids.Hash(text), Lang: lang, Published: Published));

    private Claim Single(string text, string lang, ClaimType type)
    {
        var r = Run(text, lang);
        var found = r.Claims.Where(c => c.Type == type).ToList();
        Assert.True(found.Count == 1, $"expected one {type} claim, got: {string.Join(" | ", r.Claims.Select(c => $"{c.Type} [{string.Join(", ", c.Actors)}] attr={c.Attribution}"))}; mentions: {string.Join(", ", r.Mentions.Select(m => m.Name))}");
        return found[0];
    }

    [Fact]
    public void Italian_attribution_quantity_in_words_and_recipient_order()
    {
        var c = Single("Secondo la Tass, la Corea del Nord ha fornito 11 mila container di munizioni alla Russia.", "it", ClaimType.ArmsTransfer);
        Assert.Equal(["North Korea", "Russia"], c.Actors);
        Assert.Equal("TASS", c.Attribution);
        Assert.Equal(Stance.Reported, c.Stance);
        Assert.Equal(new Quantity(11_000, "container"), c.Quantity);
    }

    [Fact]
    public void English_attribution_qualifier_and_relative_month()
    {
        var c = Single("According to John Kirby, North Korea has shipped more than 13,000 containers of munitions to Russia since August.", "en", ClaimType.ArmsTransfer);
        Assert.Equal("John Kirby", c.Attribution);
        Assert.Equal(new Quantity(13_000, "container", QuantityQualifier.MoreThan), c.Quantity);
        Assert.Equal("2024-08", c.Date?.Date.ToString());
        Assert.Equal(["North Korea", "Russia"], c.Actors);
    }

    [Fact]
    public void Russian_denial_names_the_denier()
    {
        var c = Single("Лавров опроверг сообщения о поставках северокорейских снарядов в Россию.", "ru", ClaimType.ArmsTransfer);
        Assert.Equal(Stance.Denied, c.Stance);
        Assert.Equal(["Sergei Lavrov"], c.DeniedBy);
        Assert.Contains("Russia", c.Actors);
    }

    [Fact]
    public void Russian_attribution_by_po_slovam_and_number_in_words()
    {
        var r = Run("По словам Лаврова, КНДР направила в Россию десять тысяч солдат.", "ru");
        var c = Assert.Single(r.Claims, x => x.Type == ClaimType.TroopDeployment);
        Assert.Equal("Sergei Lavrov", c.Attribution);
        Assert.Equal(new Quantity(10_000, "soldier"), c.Quantity);
        Assert.Equal(["North Korea", "Russia"], c.Actors);
    }

    [Fact]
    public void Korean_attribution_particles_and_man_counter()
    {
        var c = Single("연합뉴스에 따르면 북한은 지난달 러시아에 포탄 1만여 발을 보냈다.", "ko", ClaimType.ArmsTransfer);
        Assert.Equal("Yonhap", c.Attribution);
        Assert.Equal(["North Korea", "Russia"], c.Actors);
        Assert.Equal(new Quantity(10_000, "round", QuantityQualifier.MoreThan), c.Quantity);
        Assert.Equal("2024-10", c.Date?.Date.ToString());
    }

    [Fact]
    public void French_denial_with_source()
    {
        var c = Single("Selon l'AFP, Moscou a démenti avoir reçu des missiles nord-coréens.", "fr", ClaimType.ArmsTransfer);
        Assert.Equal(Stance.Denied, c.Stance);
        Assert.Equal(["Moscow"], c.DeniedBy);
        Assert.Equal("Agence France-Presse", c.Attribution);
    }

    [Fact]
    public void Spanish_vague_source_and_about()
    {
        var c = Single("Según fuentes surcoreanas, Corea del Norte envió unos 10.000 soldados a Rusia.", "es", ClaimType.TroopDeployment);
        Assert.Equal("fuentes surcoreanas", c.Attribution);
        Assert.Equal(new Quantity(10_000, "soldier", QuantityQualifier.About), c.Quantity);
        Assert.Equal(["North Korea", "Russia"], c.Actors);
    }

    [Fact]
    public void German_attribution_inflected_country_and_month()
    {
        var c = Single("Laut Reuters hat Nordkorea im Oktober Truppen nach Russland geschickt.", "de", ClaimType.TroopDeployment);
        Assert.Equal("Reuters", c.Attribution);
        Assert.Equal("2024-10", c.Date?.Date.ToString());
        Assert.Equal(["North Korea", "Russia"], c.Actors);
    }

    [Fact]
    public void A_denial_in_the_next_sentence_marks_the_claim_before_it()
    {
        var r = Run("Il portavoce Matthew Miller ha dichiarato che la Corea del Nord ha fornito missili alla Russia. Tuttavia, queste accuse sono state negate dalla Russia e dalla Corea del Nord.", "it");
        var transfer = Assert.Single(r.Claims, c => c.Type == ClaimType.ArmsTransfer);
        Assert.Equal("Matthew Miller", transfer.Attribution);
        Assert.Equal(["Russia", "North Korea"], transfer.DeniedBy);
        Assert.Contains(r.Claims, c => c.Type == ClaimType.Denial);
    }

    [Fact]
    public void Evidence_is_the_sentence_text_under_its_span()
    {
        const string text = "Putin è arrivato a Pyongyang. A marzo la Russia ha posto il veto nel Consiglio di sicurezza dell’ONU.";
        var r = Run(text, "it");
        var veto = Assert.Single(r.Claims, c => c.Type == ClaimType.Veto);
        Assert.Equal(text[veto.Evidence.Start..veto.Evidence.End], veto.EvidenceText);
        Assert.StartsWith("A marzo", veto.EvidenceText);
        Assert.Equal("2024-03", veto.Date?.Date.ToString());
    }

    [Theory]
    [InlineData("La petroliera SKY STAR (IMO 9123453), battente bandiera di Panama, ha effettuato un trasbordo in mare.", "it", "Sky Star", "9123453", "Panama")]
    [InlineData("The Sierra Leone-flagged tanker ANGARA (IMO 9179842) was seen off Vostochny.", "en", "Angara", "9179842", "Sierra Leone")]
    public void Finds_a_vessel_with_its_IMO_number_and_flag(string text, string lang, string name, string imo, string flag)
    {
        var v = Assert.Single(Run(text, lang).Mentions, m => m.Schema == EntitySchema.Vessel);
        Assert.Equal(name, v.Name);
        Assert.Equal(imo, v.Properties?["imoNumber"]);
        Assert.Equal(flag, v.Properties?["flag"]);
    }

    [Fact]
    public void Rejects_an_IMO_number_with_a_wrong_check_digit() =>
        Assert.DoesNotContain(Run("The tanker (IMO 9123456) sailed.", "en").Mentions, m => m.Properties?.ContainsKey("imoNumber") == true);

    [Theory]
    [InlineData("Il portavoce del Dipartimento di Stato americano Matthew Miller ha dichiarato che la Corea del Nord ha fornito missili balistici alla Russia.", "it")]
    [InlineData("A spokesman for the US State Department, Matthew Miller, said that North Korea has supplied ballistic missiles to Russia.", "en")]
    public void The_speaker_and_the_body_he_speaks_for_are_not_parties_of_the_event_he_reports(string text, string lang)
    {
        var c = Single(text, lang, ClaimType.ArmsTransfer);
        Assert.Equal(["North Korea", "Russia"], c.Actors);
        Assert.NotNull(c.Attribution);
        Assert.Equal(Stance.Reported, c.Stance);
    }

    [Fact]
    public void A_title_the_text_gave_a_person_earlier_names_the_speaker()
    {
        var r = Run("Il ministro degli Esteri russo Sergej Lavrov è arrivato martedì a Hanoi. Il ministro degli Esteri russo ha detto che la cooperazione continuerà.", "it");
        var c = Assert.Single(r.Claims, x => x.Type == ClaimType.Statement);
        Assert.Contains("Lavrov", c.Attribution);
        Assert.Contains("continuerà", c.EvidenceText);
    }

    [Fact]
    public void An_English_title_names_the_speaker_and_an_agent_phrase_names_the_source()
    {
        var r = Run("Russian President Vladimir Putin arrived in Hanoi on Thursday. The Russian president said that the two countries would expand trade.", "en");
        var c = Assert.Single(r.Claims, x => x.Type == ClaimType.Statement);
        Assert.Equal("Vladimir Putin", c.Attribution);

        var i = Run("Il presidente russo Vladimir Putin è atterrato a Hanoi. Le truppe nordcoreane sarebbero già in Russia, secondo quanto riferito dal presidente russo.", "it");
        var troops = Assert.Single(i.Claims, x => x.Type == ClaimType.TroopDeployment);
        Assert.Equal("Vladimir Putin", troops.Attribution);
    }

    [Fact]
    public void A_name_after_of_is_no_title_and_a_vague_source_ends_before_its_date()
    {
        var r = Run("Il consigliere di Putin ha detto che la visita è stata utile.", "it");
        Assert.DoesNotContain(r.Claims, c => c.Attribution == "Vladimir Putin");

        var v = Single("Secondo fonti di intelligence occidentali da ottobre la Corea del Nord avrebbe inviato missili alla Russia.", "it", ClaimType.ArmsTransfer);
        Assert.Equal("fonti di intelligence occidentali", v.Attribution);
        Assert.Equal(Stance.Speculative, v.Stance);
    }

    [Fact]
    public void A_visit_is_an_event_of_its_own_unless_the_sentence_names_a_more_specific_one()
    {
        var it = Single("Il ministro della Difesa russo Andrei Belousov è arrivato giovedì a Pyongyang.", "it", ClaimType.Other);
        Assert.Contains("Pyongyang", it.Actors);
        Assert.Equal(Stance.Asserted, it.Stance);

        var en = Single("Kim Jong Un visited Vladivostok in September.", "en", ClaimType.Other);
        Assert.Contains("Kim Jong Un", en.Actors);

        var meeting = Run("During his visit to Pyongyang, Vladimir Putin met Kim Jong Un.", "en");
        Assert.Contains(meeting.Claims, c => c.Type == ClaimType.Meeting);
        Assert.DoesNotContain(meeting.Claims, c => c.Type == ClaimType.Other);
    }

    [Fact]
    public void Sanctions_in_force_that_are_evaded_or_opposed_are_no_imposition()
    {
        var evaded = Run("La Russia e la Corea del Nord creeranno un sistema di pagamenti per aggirare le sanzioni imposte dall'ONU.", "it");
        Assert.DoesNotContain(evaded.Claims, c => c.Type == ClaimType.SanctionsImposed);
        Assert.Contains(evaded.Claims, c => c.Type == ClaimType.Payment);

        var despite = Run("Despite the sanctions imposed by the United Nations, North Korea keeps selling coal to China.", "en");
        Assert.DoesNotContain(despite.Claims, c => c.Type == ClaimType.SanctionsImposed);

        Single("L'Unione europea ha imposto nuove sanzioni alla Corea del Nord.", "it", ClaimType.SanctionsImposed);
    }

    [Fact]
    public void A_source_named_by_a_cue_makes_a_statement_and_a_title_after_the_verb_names_the_speaker()
    {
        var cued = Single("Secondo Sergej Lavrov, la cooperazione tra i due Paesi crescerà ancora.", "it", ClaimType.Statement);
        Assert.Contains("Lavrov", cued.Attribution);

        var r = Run("Il presidente russo Vladimir Putin è atterrato a Hanoi. “La cooperazione crescerà”, ha dichiarato il presidente russo ai giornalisti.", "it");
        var quoted = Assert.Single(r.Claims, c => c.Type == ClaimType.Statement);
        Assert.Equal("Vladimir Putin", quoted.Attribution);
    }

    [Theory]
    [InlineData("A senior US official said North Korea had shipped more than 10,000 containers of munitions to Russia.", "en", "senior US official")]
    [InlineData("Un alto funzionario americano ha detto che la Corea del Nord ha fornito munizioni alla Russia.", "it", "alto funzionario americano")]
    [InlineData("South Korean intelligence officials said that North Korea shipped artillery shells to Russia.", "en", "South Korean intelligence officials")]
    public void A_speaker_the_text_does_not_name_is_the_phrase_that_describes_it(string text, string lang, string attribution)
    {
        var c = Single(text, lang, ClaimType.ArmsTransfer);
        Assert.Equal(attribution, c.Attribution);
        Assert.Equal(Stance.Reported, c.Stance);
        Assert.Equal(["North Korea", "Russia"], c.Actors);
    }

    [Fact]
    public void Russian_words_with_short_i_are_triggers()
    {
        // Keys drop the breve of й ("войска" is keyed "воиска"): the lexicon's "войск" must be keyed the same way.
        var c = Single("КНДР перебросила войска в Курскую область.", "ru", ClaimType.TroopDeployment);
        Assert.Contains("North Korea", c.Actors);
    }

    [Theory]
    [InlineData("Rusia negó haber recibido misiles de Corea del Norte.", "es", ClaimType.ArmsTransfer, "Russia")]
    [InlineData("Le accuse di aver inviato missili alla Russia sono state smentite da Pyongyang.", "it", ClaimType.ArmsTransfer, "Pyongyang")]
    [InlineData("The Kremlin called the reports of North Korean troops in Kursk baseless.", "en", ClaimType.TroopDeployment, "Kremlin")]
    public void The_denier_is_the_passive_agent_or_the_subject_before_the_event(string text, string lang, ClaimType type, string denier)
    {
        var c = Single(text, lang, type);
        Assert.Equal(Stance.Denied, c.Stance);
        Assert.Equal([denier], c.DeniedBy);
    }

    [Fact]
    public void A_denial_whose_denier_is_not_named_leaves_the_parties_alone()
    {
        // "Песков" is no mention here; Russia is the recipient, not the denier.
        var r = Run("Песков опроверг сообщения о поставках северокорейских снарядов в Россию.", "ru");
        Assert.All(r.Claims, c => Assert.DoesNotContain("Russia", c.DeniedBy));
    }

    [Theory]
    [InlineData("According to a senior official, North Korea sent troops to Russia.", "en", "senior official")]
    [InlineData("Selon le secrétaire d'État américain, la Corée du Nord a envoyé des troupes en Russie.", "fr", "secrétaire d'État américain")]
    public void A_source_cue_before_an_unnamed_speaker_gives_the_phrase_and_ends_at_the_comma(string text, string lang, string attribution)
    {
        var c = Single(text, lang, ClaimType.TroopDeployment);
        Assert.Equal(attribution, c.Attribution);
        Assert.Equal(["North Korea", "Russia"], c.Actors);
    }

    [Theory]
    [InlineData("Said North Korea shipped shells to Russia.", "en")]
    [InlineData("Ha detto che la Corea del Nord ha inviato truppe.", "it")]
    public void A_reporting_verb_opening_the_text_has_no_speaker_before_it(string text, string lang) =>
        Assert.All(Run(text, lang).Claims, c => Assert.Null(c.Attribution));
}
