using Vigil.Text;

namespace Vigil.Tests.Text;

public class LanguageDetectorTests
{
    [Theory]
    [InlineData("Il presidente russo è atterrato mercoledì a Pyongyang per un vertice di due giorni.", "it")]
    [InlineData("The Russian president landed in Pyongyang on Wednesday for a two-day summit.", "en")]
    [InlineData("Le président russe a atterri mercredi à Pyongyang pour un sommet de deux jours.", "fr")]
    [InlineData("El presidente ruso aterrizó el miércoles en Pyongyang para una cumbre de dos días.", "es")]
    [InlineData("Der russische Präsident ist am Mittwoch zu einem zweitägigen Gipfel in Pjöngjang gelandet.", "de")]
    [InlineData("Президент России в среду прибыл в Пхеньян на двухдневный саммит.", "ru")]
    [InlineData("러시아 대통령이 수요일 이틀간의 정상회담을 위해 평양에 도착했다.", "ko")]
    public void Supported_languages_are_told_apart(string text, string expected)
    {
        Assert.Equal(expected, LanguageDetector.Detect(text));
    }

    [Fact]
    public void Empty_text_has_no_language()
    {
        Assert.Null(LanguageDetector.Detect("   "));
    }
}
