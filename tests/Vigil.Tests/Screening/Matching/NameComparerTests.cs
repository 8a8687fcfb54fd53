using Vigil.Model;
using Vigil.Screening;

namespace Vigil.Tests.Screening.Matching;

/// <summary>Name-against-name scores (the comparer behind the screener) on pairs that show one feature each.</summary>
public sealed class NameComparerTests(SanctionsListsFixture lists) : IClassFixture<SanctionsListsFixture>
{
    private double Score(string query, string candidate, EntitySchema schema = EntitySchema.Person) =>
        lists.Screener.CompareNames(query, candidate, schema);

    private bool Matches(string query, string candidate, EntitySchema schema = EntitySchema.Person) =>
        Score(query, candidate, schema) >= lists.Screener.Threshold;

    [Theory]
    [InlineData("Kim Jong Un", "KIM, Song")]
    [InlineData("Kim Jong Un", "KIM Jung Jong")]
    [InlineData("Kim Jong Un", "KIM, Jong Man")]
    [InlineData("Kim Jong Un", "Kim Song Hun")]
    public void A_given_name_that_differs_is_no_match(string query, string candidate) =>
        Assert.False(Matches(query, candidate), $"{query} / {candidate}: {Score(query, candidate):0.00}");

    [Theory]
    [InlineData("SALMAN BIN MUHAMMAD AL-RAWI", "MUHAMMAD BIN SALMAN AL-RAWI")]
    [InlineData("AHMAD BIN HASAN AL-UBAIDI", "HASAN BIN AHMAD AL-UBAIDI")]
    public void A_patronymic_chain_in_another_order_is_another_person(string query, string candidate)
    {
        Assert.False(Matches(query, candidate));
        Assert.True(Matches(query, query));
    }

    [Fact]
    public void A_given_name_moved_to_the_end_list_style_is_not_a_patronymic_conflict() =>
        Assert.True(Score("BEN MOHAMED BEN MOHAMED KAMMOUN, MEHDI", "MEHDI BEN MOHAMED BEN MOHAMED KAMMOUN") > 0.9);

    [Theory]
    [InlineData("Luisa Lopez", "Luis Lopez")]
    [InlineData("Yevgeniya Orlova", "Yevgeniy Orlov")]
    [InlineData("Antonia Rodriguez", "Antonio Rodriguez")]
    public void Feminine_and_masculine_forms_of_a_name_do_not_match(string query, string candidate) =>
        Assert.False(Matches(query, candidate));

    [Theory]
    [InlineData("김종은", "김정은")]
    [InlineData("高石早苗", "高市早苗")]
    public void Names_in_the_same_Asian_script_are_compared_in_that_script(string query, string candidate)
    {
        Assert.False(Matches(query, candidate));
        Assert.True(Matches(candidate, candidate));
    }

    [Theory]
    [InlineData("PLA", "People's Liberation Army", EntitySchema.Organization)]
    [InlineData("JC Juncker", "Jean-Claude Juncker", EntitySchema.Person)]
    public void Initials_match_the_words_they_abbreviate(string query, string candidate, EntitySchema schema) =>
        Assert.True(Matches(query, candidate, schema), $"{Score(query, candidate, schema):0.00}");

    [Theory]
    [InlineData("Brigade Forty-Four", "Brigade 44")]
    [InlineData("1st International Bank", "First International Bank")]
    [InlineData("Bain Capital Fund XI", "Bain Capital Fund 11")]
    public void Numbers_in_words_and_numerals_meet_digits(string query, string candidate) =>
        Assert.True(Matches(query, candidate, EntitySchema.Company), $"{Score(query, candidate, EntitySchema.Company):0.00}");

    [Fact]
    public void Different_legal_forms_weigh_against_a_company_match() =>
        Assert.True(Score("Deutsche Bank AG", "Deutsche Bank GmbH", EntitySchema.Company) < Score("Deutsche Bank AG", "Deutsche Bank AG", EntitySchema.Company) - 0.05);

    [Theory]
    [InlineData("Vladimir Poutine")]
    [InlineData("Wladimir Poetin")]
    [InlineData("فلاديمير بوتين")]
    public void Press_spellings_of_Putin_match_the_list_spelling(string query) =>
        Assert.True(Matches(query, "PUTIN, Vladimir Vladimirovich"), $"{Score(query, "PUTIN, Vladimir Vladimirovich"):0.00}");

    [Theory]
    [InlineData("Ted Harlow", "Theodore Harlow")]
    [InlineData("Bill Kestrel", "William Kestrel")]
    public void A_nickname_matches_the_given_name_it_shortens(string query, string candidate) =>
        Assert.True(Matches(query, candidate), $"{Score(query, candidate):0.00}");

    [Fact]
    public void Two_nicknames_of_one_name_are_not_each_other() =>
        Assert.False(Matches("Ted Harlow", "Ned Harlow"));

    [Theory]
    [InlineData("S3rg3y Br0nsk1", "Sergey Bronski")]
    [InlineData("nomiS notlaW", "Simon Walton")]
    public void Disguised_spellings_are_read_back(string query, string candidate)
    {
        Assert.True(Matches(query, candidate), $"{Score(query, candidate):0.00}");
        Assert.False(Matches(query, "Simon Bronski"));
    }

    [Fact]
    public void Digits_in_a_company_name_stay_digits() =>
        Assert.False(Matches("AHL1 Trust", "AHLI Trust", EntitySchema.Company));

    [Theory]
    [InlineData("Teng Hsiao-ping", "Deng Xiaoping")]
    [InlineData("Hsu Wei-lin", "Xu Weilin")]
    public void Wade_Giles_spellings_meet_pinyin(string query, string candidate) =>
        Assert.True(Matches(query, candidate), $"{Score(query, candidate):0.00}");

    [Fact]
    public void Pinyin_x_and_s_stay_different_surnames() =>
        Assert.False(Matches("Su Weilin", "Xu Weilin"));

    [Fact]
    public void A_name_element_written_apart_meets_its_joined_variant() =>
        Assert.True(Matches("Abd al-Karim Rahimi", "Abdul Karim Rahimi"), $"{Score("Abd al-Karim Rahimi", "Abdul Karim Rahimi"):0.00}");

    [Fact]
    public void A_shorter_patronymic_chain_matches_the_full_one_but_another_father_does_not()
    {
        Assert.True(Matches("Tariq bin Rashed", "Tariq bin Saleh ibn Hamad ibn Rashed"), $"{Score("Tariq bin Rashed", "Tariq bin Saleh ibn Hamad ibn Rashed"):0.00}");
        Assert.False(Matches("Tariq bin Saleh", "Tariq bin Hamad"));
    }

    [Fact]
    public void Two_letter_initials_of_a_place_match_in_an_organisation_name()
    {
        Assert.True(Matches("U.K. Trade Office", "United Kingdom Trade Office", EntitySchema.Organization));
        Assert.False(Matches("Ho Li", "Hong Lin"));
    }

    [Theory]
    [InlineData("Andrejs Kozlovs", "Andrey Kozlov")]
    [InlineData("Sergejs Orlovs", "Sergei ORLOV")]
    public void Latvian_forms_of_a_name_match_the_name(string query, string candidate) =>
        Assert.True(Matches(query, candidate), $"{Score(query, candidate):0.00}");

    [Theory]
    [InlineData("KARIM BEN YOUSSEF BEN AMOR AL-HADDAD", "KARIM BEN SALAH BEN AMOR AL-HADDAD")]
    [InlineData("NABIL SAMIR EL SAYED HASSAN", "NABIL SAMIR EL SAYED OMAR")]
    public void Another_name_in_the_same_place_is_another_person(string query, string candidate)
    {
        Assert.False(Matches(query, candidate), $"{Score(query, candidate):0.00}");
        Assert.True(Matches(query, query));
    }

    [Theory]
    [InlineData("ドナルド・トランプ", "Donald Trump")]
    [InlineData("米哈伊尔·戈尔巴乔夫", "Mikhail Gorbachev")]
    [InlineData("约翰·克里", "John Kerry")]
    public void A_Western_name_written_in_Chinese_or_Japanese_characters_meets_its_Latin_spelling(string query, string candidate)
    {
        Assert.True(Matches(query, candidate), $"{Score(query, candidate):0.00}");
        Assert.False(Matches(query, "Dmitry Medvedev"));
    }

    [Fact]
    public void A_generational_suffix_given_once_weighs_little_and_two_different_ones_count_against()
    {
        Assert.True(Score("Ivan Sokolov Jr.", "Ivan Sokolov") > 0.9, $"{Score("Ivan Sokolov Jr.", "Ivan Sokolov"):0.00}");
        Assert.False(Matches("Ivan Sokolov Jr.", "Ivan Sokolov Sr."));
    }

    [Theory]
    [InlineData("Natl Petroleum Mfg Corp", "National Petroleum Manufacturing Corporation")]
    [InlineData("Karimi Bros Mgmt", "Karimi Brothers Management")]
    public void Contracted_words_in_a_company_name_match_the_words(string query, string candidate) =>
        Assert.True(Matches(query, candidate, EntitySchema.Company), $"{Score(query, candidate, EntitySchema.Company):0.00}");

    [Fact]
    public void A_short_word_is_not_read_as_a_contraction_of_a_longer_one() =>
        Assert.False(Matches("Bank Karimi", "Bangkok Karimi", EntitySchema.Company));

    [Theory]
    [InlineData("Pyotr Tschaikowski", "Pyotr Tchaikovsky")]
    [InlineData("Yelena Sokolova", "Elena Sokolova")]
    [InlineData("K-A-R-I-M Sokolov", "Karim Sokolov")]
    public void Spelling_conventions_of_other_languages_meet(string query, string candidate) =>
        Assert.True(Matches(query, candidate), $"{Score(query, candidate):0.00}");

    [Fact]
    public void A_Korean_yeo_syllable_keeps_its_y() =>
        Assert.NotEqual(Vigil.Screening.Matching.PhoneticKey.Sound("yeong"), Vigil.Screening.Matching.PhoneticKey.Sound("ong"));

    [Fact]
    public void A_fuller_name_meets_a_shorter_listed_name_it_contains_but_not_a_single_listed_word()
    {
        Assert.True(Matches("ZARIF AHMAD WAZIRI TOKHAY", "ZARIF AHMAD TOKHAY"), $"{Score("ZARIF AHMAD WAZIRI TOKHAY", "ZARIF AHMAD TOKHAY"):0.00}");
        Assert.False(Matches("Lydia Harrison", "Lydia"));
    }
}
