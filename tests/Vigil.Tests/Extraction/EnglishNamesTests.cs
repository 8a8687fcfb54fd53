using Vigil.Extraction.Gazetteers;
using Vigil.Model;

namespace Vigil.Tests.Extraction;

/// <summary>
/// English names by capitalisation, on sentences written for the tests. They read hunspell-en-us, which
/// scripts/setup-machine.sh installs.
/// </summary>
public sealed class EnglishNamesTests(ExtractorFixture fixture) : IClassFixture<ExtractorFixture>
{
    private IReadOnlyList<Mention> Mentions(string text, string lang = "en")
    {
        Assert.True(EnglishWords.Installed is not null, $"{EnglishWords.DictionaryPath} is missing: run scripts/setup-machine.sh (Debian package hunspell-en-us).");
        return fixture.Extractor.Extract(new Document("d", "t", text, Ids.Hash(text), Lang: lang)).Mentions;
    }

    [Fact]
    public void Names_no_gazetteer_knows_are_found_by_their_capitals()
    {
        var mentions = Mentions("Investigators said the shell company Brightwater Holdings sent the money to Oleksandr Demchuk in March.");
        Assert.Contains(mentions, m => m.Text == "Brightwater Holdings" && m.Schema == EntitySchema.Organization);
        Assert.Contains(mentions, m => m.Text == "Oleksandr Demchuk");
        Assert.DoesNotContain(mentions, m => m.Text.Contains("March") || m.Text.StartsWith("Investigators", StringComparison.Ordinal));
    }

    [Fact]
    public void A_single_unknown_word_and_an_acronym_are_names_a_common_word_and_a_demonym_are_not()
    {
        var mentions = Mentions("Later the Azerbaijani official paid Zarvex, and the NKVB confirmed it at a Monday meeting.");
        Assert.Contains(mentions, m => m.Text == "Zarvex");
        Assert.Contains(mentions, m => m.Text == "NKVB" && m.Schema == EntitySchema.LegalEntity);
        Assert.DoesNotContain(mentions, m => m.Text is "Azerbaijani" or "Monday" or "Later");
    }

    [Fact]
    public void A_name_after_a_title_is_a_person_and_the_title_is_not_part_of_it()
    {
        var mentions = Mentions("The decree was signed by Deputy Prosecutor General Armen Vartanyan on Tuesday.");
        Assert.Contains(mentions, m => m.Text == "Armen Vartanyan" && m.Schema == EntitySchema.Person);
        Assert.DoesNotContain(mentions, m => m.Text.Contains("Prosecutor"));
    }

    [Fact]
    public void A_headline_in_title_case_is_not_a_name()
    {
        var mentions = Mentions("Leaked Files Reveal Hidden Payments to Shipping Agents");
        Assert.DoesNotContain(mentions, m => m.Text.Contains("Files") || m.Text.Contains("Payments"));
    }

    [Fact]
    public void A_possessive_is_not_part_of_the_name_and_particles_join_one()
    {
        var mentions = Mentions("The lawyer said Vantor Marine’s ships called at ports owned by the Bank of Kordavia.");
        Assert.Contains(mentions, m => m.Text == "Vantor Marine");
        Assert.Contains(mentions, m => m.Text == "Bank of Kordavia" && m.Schema == EntitySchema.Organization);
    }

    [Fact]
    public void Other_languages_are_left_to_their_own_rules()
    {
        // Italian capitalises what English does not need to say: the English rule would take "Zarvex" here.
        var mentions = Mentions("Poi abbiamo visto Zarvex.", lang: "it");
        Assert.DoesNotContain(mentions, m => m.Text == "Zarvex");
    }

    [Fact]
    public void A_surname_standing_alone_later_makes_a_name_of_unknown_kind_a_persons()
    {
        var mentions = Mentions("The gallery bought the statues from Vikram Oberhaus in 2011. Oberhaus later denied any wrongdoing.");
        Assert.Contains(mentions, m => m.Text == "Vikram Oberhaus" && m.Schema == EntitySchema.Person);
        Assert.Contains(mentions, m => m.Text == "Oberhaus" && m.Name == "Vikram Oberhaus" && m.Schema == EntitySchema.Person);
    }

    [Fact]
    public void An_organisation_keeps_its_demonym_and_one_named_by_its_kind_alone_is_not_a_name()
    {
        var mentions = Mentions("A spokesman for the Moldovan Energy Ministry said the Police Department had opened a case.");
        Assert.Contains(mentions, m => m.Text == "Moldovan Energy Ministry" && m.Schema == EntitySchema.Organization);
        Assert.DoesNotContain(mentions, m => m.Text.Contains("Police"));
    }

    [Fact]
    public void Things_are_no_people_and_a_royal_title_stays_in_the_name()
    {
        var mentions = Mentions("Prince Andrew watched the launch of the Europa Clipper at the Climate Action Summit. Europa has an ocean.");
        Assert.Contains(mentions, m => m.Text == "Prince Andrew" && m.Schema == EntitySchema.Person);
        Assert.DoesNotContain(mentions, m => m.Schema == EntitySchema.Person && (m.Text.Contains("Europa") || m.Text.Contains("Summit")));
        Assert.DoesNotContain(mentions, m => m.Text == "Andrew");
    }

    [Theory]
    [InlineData("He met the President")]
    [InlineData("Talks with the Prince")]
    [InlineData("Prime Minister")]
    public void A_text_ending_in_a_title_has_no_name(string text) =>
        Assert.DoesNotContain(Mentions(text), m => m.Schema == EntitySchema.Person);

    [Fact]
    public void A_city_name_starting_a_longer_name_is_part_of_it()
    {
        var mentions = Mentions("They admired Van Gogh's painting while Paris Hilton watched. The Moscow Times said that in Moscow President Putin spoke.");
        Assert.Contains(mentions, m => m.Text == "Van Gogh");
        Assert.Contains(mentions, m => m.Text == "Paris Hilton" && m.Schema == EntitySchema.Person);
        Assert.Contains(mentions, m => m.Text == "Moscow Times" && m.Schema == EntitySchema.Organization);
        // Before a title the city stays a city.
        Assert.Contains(mentions, m => m.Text == "Moscow" && m.Schema == EntitySchema.Location);
    }
}
