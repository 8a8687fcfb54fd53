using Vigil.Evaluation;
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

    [Fact]
    public void Function_words_decide_only_clear_cut_samples()
    {
        var english = string.Concat(Enumerable.Repeat("The ministry said that the sanctions were imposed by the council after the report of the panel. ", 3));
        var mixed = "The ministry said that the sanctions were imposed. Il ministero ha detto che le sanzioni sono state imposte dal consiglio. Der Rat hat die Sanktionen und die Maßnahmen nicht aufgehoben.";

        Assert.Equal("en", LanguageDetector.ByFunctionWords(english));
        Assert.Null(LanguageDetector.ByFunctionWords(mixed));
        Assert.Null(LanguageDetector.ByFunctionWords("Президент России в среду прибыл в Пхеньян на двухдневный саммит, сообщило агентство."));
    }

    [Fact]
    public void Function_words_agree_with_the_statistical_model_wherever_they_decide()
    {
        var pages = ArticleBenchmark.Load(SharedData.FindRoot()).Pages;
        var samples = pages.Select(p => LanguageDetector.Sample(p.Truth)).Where(s => s.Length >= 200).ToList();

        var decided = samples.Select(s => (Sample: s, Words: LanguageDetector.ByFunctionWords(s))).Where(x => x.Words is not null).ToList();

        // The shortcut must save work on most articles, and never change an answer.
        Assert.True(decided.Count >= samples.Count * 0.8, $"decided {decided.Count} of {samples.Count}");
        Assert.All(decided, x => Assert.Equal(LanguageDetector.ByStatistics(x.Sample), x.Words));
    }
}
