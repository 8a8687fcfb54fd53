using Vigil.Extraction.Gazetteers;
using Vigil.Extraction.Ner;

namespace Vigil.Tests.Extraction.Gazetteers;

/// <summary>Reads the register scripts/setup-machine.sh installs (scripts/setup-test-machine.sh runs it).</summary>
public sealed class ItalianPlacesTests
{
    private static ItalianPlaces Places => ItalianPlaces.Installed
        ?? throw new InvalidOperationException(ItalianPlaces.Data.MissingMessage(ItalianPlaces.Data.Directory));

    private static string? KindOf(string name) => Places.Names.TryGet(string.Join(' ', NameKeys.ForName(name)), out var e) ? e.Source : null;

    [Fact]
    public void Knows_towns_by_size_and_regions_and_provinces_by_kind()
    {
        Assert.Equal(ItalianPlaces.Town, KindOf("Saronno"));
        Assert.Equal(ItalianPlaces.Village, KindOf("Dorgali"));
        Assert.Equal(ItalianPlaces.Town, KindOf("Civita Castellana"));
        Assert.Equal(ItalianPlaces.Region, KindOf("Sardegna"));
        // Milano is a province as well as a city: the broader kind is kept.
        Assert.Equal(ItalianPlaces.Province, KindOf("Milano"));
        // Both languages of a bilingual name.
        Assert.NotNull(KindOf("Bozen"));
        Assert.NotNull(KindOf("Bolzano"));
        Assert.Null(KindOf("Mosca"));
    }

    [Fact]
    public void Italian_sentences_carry_place_labels_for_the_tagger()
    {
        var view = NerFeatures.View("Il treno partito da Civita Castellana".Split(' '), null);
        Assert.Equal(["", "", "", "", "B-" + ItalianPlaces.Town, "I-" + ItalianPlaces.Town], view.Places);
        Assert.Empty(NerFeatures.View("Поезд из Москвы".Split(' '), null).Places);
    }

    [Fact]
    public void A_broken_register_is_named_with_the_fix()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vigil-comuni-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, "[{\"nome\": \"Agli");
            var error = Assert.Throws<InvalidDataException>(() => ItalianPlaces.Load(path));
            Assert.Contains(path, error.Message);
            Assert.Contains("setup-machine.sh", error.Message);
            File.WriteAllText(path, "[]");
            Assert.Contains("no municipalities", Assert.Throws<InvalidDataException>(() => ItalianPlaces.Load(path)).Message);
        }
        finally { File.Delete(path); }
    }
}
