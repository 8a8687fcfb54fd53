using Vigil.Text;

namespace Vigil.Tests.Text;

public sealed class TokenizerTests
{
    private static string[] Words(string text) => Tokenizer.Tokenize(text).Select(t => t.TextOf(text)).ToArray();

    [Fact]
    public void Splits_an_elided_article_from_the_name_it_precedes() =>
        Assert.Equal(["all’", "invasione", "dell’", "Ucraina", "."], Words("all’invasione dell’Ucraina."));

    [Fact]
    public void An_opening_quote_of_two_backticks_stays_off_the_word() => Assert.Equal(["`", "`", "Today", "we"], Words("``Today we"));

    [Fact]
    public void Splits_the_English_possessive() => Assert.Equal(["Russia", "'s", "war"], Words("Russia's war"));

    [Fact]
    public void Keeps_grouped_numbers_whole() => Assert.Equal(["oltre", "11.000", "e", "13,000", "e", "3.5"], Words("oltre 11.000 e 13,000 e 3.5"));

    [Fact]
    public void Makes_hyphens_their_own_tokens() => Assert.Equal(["Kim", "Jong", "-", "un"], Words("Kim Jong-un"));

    [Fact]
    public void Separates_Korean_digits_from_their_counter() => Assert.Equal(["6", "월", "27", "일"], Words("6월 27일"));

    [Fact]
    public void Tokenises_Cyrillic_and_Hangul_words()
    {
        Assert.Equal(["по", "словам", "Лаврова", ","], Words("по словам Лаврова,"));
        Assert.Equal(["김정은", "위원장은"], Words("김정은 위원장은"));
    }

    [Fact]
    public void Offsets_point_into_the_original_text()
    {
        const string text = "  «Mosca»,\u00A0ieri";
        foreach (var t in Tokenizer.Tokenize(text)) Assert.Equal(text.Substring(t.Start, t.Length), t.TextOf(text));
    }

    [Fact]
    public void Normalises_case_accents_and_apostrophes()
    {
        Assert.Equal("mercoledi", Tokenizer.Normalize("Mercoledì"));
        Assert.Equal("dell'", Tokenizer.Normalize("dell’"));
        Assert.Equal("москва", Tokenizer.Normalize("Москва"));
        Assert.Equal("서울", Tokenizer.Normalize("서울"));
    }

    [Fact]
    public void Keys_are_the_normalised_tokens_and_repeated_words_share_one()
    {
        const string text = "L’Unione europea e l'Unione: Moscow, MOSCOW, Москва, Ёлка, 서울 ne parlano.";
        var tokens = Tokenizer.Tokenize(text);

        var keys = Tokenizer.Keys(text, tokens);

        Assert.Equal(tokens.Select(t => Tokenizer.Normalize(t.SpanOf(text))), keys);
        Assert.Same(keys[1], keys[5]);
    }

    [Fact]
    public void Token_search_finds_the_token_a_span_starts_in_and_only_exact_starts()
    {
        const string text = "Kim Jong-un ha visitato Mosca.";
        var tokens = Tokenizer.Tokenize(text);
        var mosca = text.IndexOf("Mosca", StringComparison.Ordinal);

        Assert.Equal(0, TokenSearch.FirstEndingAfter(tokens, 0));
        Assert.Equal(6, TokenSearch.StartingAt(tokens, mosca));
        Assert.Equal(6, TokenSearch.FirstEndingAfter(tokens, mosca + 2));
        Assert.Equal(-1, TokenSearch.StartingAt(tokens, mosca + 2));
        Assert.Equal(-1, TokenSearch.FirstEndingAfter(tokens, text.Length));
    }
}
