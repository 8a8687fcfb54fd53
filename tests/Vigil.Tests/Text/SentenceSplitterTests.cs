using Vigil.Text;

namespace Vigil.Tests.Text;

public sealed class SentenceSplitterTests
{
    private static string[] Sentences(string text) => SentenceSplitter.Split(text).Select(s => text[s.Start..s.End]).ToArray();

    [Fact]
    public void Splits_at_full_stops_before_capitals() =>
        Assert.Equal(["Putin è arrivato.", "Kim lo ha accolto."], Sentences("Putin è arrivato. Kim lo ha accolto."));

    [Fact]
    public void Keeps_abbreviations_and_initials_inside_the_sentence() =>
        Assert.Single(Sentences("Mr. J. Kirby said the U.S. would respond."));

    [Fact]
    public void A_headline_line_without_punctuation_is_a_sentence() =>
        Assert.Equal(["Contro l’egemonia americana", "Mosca e Pyongyang sono alleate."], Sentences("Contro l’egemonia americana\n\nMosca e Pyongyang sono alleate."));

    [Fact]
    public void Splits_machine_translated_text_missing_the_space() =>
        Assert.Equal(["È di natura “difensiva”.", "Secondo le agenzie russe, è vero."], Sentences("È di natura “difensiva”.Secondo le agenzie russe, è vero."));

    [Fact]
    public void Splits_Russian_and_Korean_sentences()
    {
        Assert.Equal(2, Sentences("Лавров отверг обвинения. Об этом сообщает ТАСС.").Length);
        Assert.Equal(2, Sentences("김정은이 방문했다. 러시아는 환영했다.").Length);
    }

    [Fact]
    public void Does_not_split_grouped_numbers() => Assert.Single(Sentences("Ha fornito 11.000 container."));
}
