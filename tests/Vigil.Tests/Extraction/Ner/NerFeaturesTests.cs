using Vigil.Extraction.Gazetteers;
using Vigil.Extraction.Ner;

namespace Vigil.Tests.Extraction.Ner;

public sealed class NerFeaturesTests
{
    [Fact]
    public void Marks_the_words_between_quotation_marks()
    {
        Assert.Equal(["-", "-", "q", "q", "-", "-"], NerFeatures.QuoteStates(["акции", "«", "Норильский", "никель", "»", "выросли"]));
        Assert.Equal(["-", "q", "-", "-"], NerFeatures.QuoteStates(["\"", "Яблоко", "\"", "заявило"]));
    }

    [Fact]
    public void Quote_states_are_a_Russian_feature_only()
    {
        Assert.NotEmpty(NerFeatures.View(["«", "Газпром", "»"], null).Quoted);
        Assert.Empty(NerFeatures.View(["«", "Eni", "»"], null).Quoted);
    }

    [Fact]
    public void Russian_words_carry_the_dictionarys_kind_and_lemma()
    {
        Assert.NotNull(OpenCorporaLexicon.Installed);
        var view = NerFeatures.View(["Путин", "посетил", "Курскую", "область", "Щщыклмн"], null);
        Assert.Contains('S', view.LexiconKinds[0]);
        Assert.Equal("путин", view.Lemmas[0]);
        Assert.Equal("c", view.LexiconKinds[1]);
        Assert.Equal("посетить", view.Lemmas[1]);
        Assert.Equal("cg", view.LexiconKinds[2]);
        Assert.Equal("курский", view.Lemmas[2]);
        Assert.Equal("?", view.LexiconKinds[4]);
        Assert.Empty(NerFeatures.View(["Mario", "Rossi"], null).LexiconKinds);
    }
}
