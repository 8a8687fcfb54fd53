using NodaTime;
using Vigil.Extraction;
using Vigil.Model;
using Vigil.Text;

namespace Vigil.Tests.Extraction;

public sealed class TemporalTaggerTests
{
    private static readonly LocalDate Wednesday = new(2024, 6, 19);

    private static IReadOnlyList<DateMention> Tag(string text, LocalDate? anchor = null) =>
        TemporalTagger.Tag("d", text, Tokenizer.Tokenize(text), anchor);

    private static string? One(string text, LocalDate? anchor = null)
    {
        var found = Tag(text, anchor);
        Assert.True(found.Count == 1, $"expected one date in '{text}', got: {string.Join(" | ", found.Select(f => f.Text))}");
        return found[0].Date?.ToString();
    }

    [Theory]
    [InlineData("firmato il 19 giugno 2024 a Pyongyang", "2024-06-19")]
    [InlineData("signed on June 19, 2024 in Pyongyang", "2024-06-19")]
    [InlineData("a giugno 2024", "2024-06")]
    [InlineData("dal settembre 2023", "2023-09")]
    [InlineData("nel 2000", "2000")]
    [InlineData("signé le 19 juin 2024", "2024-06-19")]
    [InlineData("firmado el 19 de junio de 2024", "2024-06-19")]
    [InlineData("am 19. Juni 2024 unterzeichnet", "2024-06-19")]
    [InlineData("подписан 19 июня 2024 года", "2024-06-19")]
    [InlineData("2024년 6월 19일 서명", "2024-06-19")]
    [InlineData("on 2024-06-19", "2024-06-19")]
    public void Normalises_absolute_dates(string text, string expected) => Assert.Equal(expected, One(text));

    [Theory]
    [InlineData("hanno firmato questo mercoledì", "2024-06-19")]
    [InlineData("è atterrato mercoledì a Pyongyang", "2024-06-19")]
    [InlineData("ha incontrato martedì il leader", "2024-06-18")]
    [InlineData("Giovedì Putin avrà un incontro con Trong", "2024-06-20")]
    [InlineData("ieri sera", "2024-06-18")]
    [InlineData("last Friday", "2024-06-14")]
    [InlineData("в ноябре", "2023-11")]
    [InlineData("в мае", "2024-05")]
    [InlineData("A marzo la Russia ha posto il veto", "2024-03")]
    [InlineData("un vertice dell’anno scorso", "2023")]
    [InlineData("27일 발표했다", "2024-06-27")]
    [InlineData("since August", "2023-08")]
    [InlineData("지난달", "2024-05")]
    [InlineData("Putin avrà un incontro a luglio", "2024-07")]
    public void Resolves_relative_expressions_against_the_publication_date(string text, string expected) =>
        Assert.Equal(expected, One(text, Wednesday));

    [Theory]
    [InlineData("hanno firmato questo mercoledì")]
    [InlineData("Il 14 ottobre Putin ha presentato")]
    [InlineData("ieri sera")]
    [InlineData("A marzo la Russia")]
    public void Leaves_relative_expressions_unresolved_without_an_anchor(string text) => Assert.Null(One(text));

    [Fact]
    public void Does_not_take_a_quantity_or_a_modal_verb_for_a_date()
    {
        Assert.Empty(Tag("oltre 11.000 container e 2000 soldati"));
        Assert.Empty(Tag("Russia may respond"));
    }

    [Fact]
    public void A_weekday_before_a_month_first_date_takes_that_date()
    {
        Assert.Equal("2024-04-26", One("in an editorial on Friday, April 26, it argued", Wednesday));
        Assert.Equal("2024-05-06", One("On May 6 the court ruled", Wednesday));
        Assert.Equal("2024-04-26", One("wrote on Friday, April 26: the court", Wednesday));
    }
}
