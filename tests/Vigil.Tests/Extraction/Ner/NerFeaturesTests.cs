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
}
