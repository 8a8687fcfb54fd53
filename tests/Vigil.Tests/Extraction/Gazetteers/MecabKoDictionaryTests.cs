using System.Text;
using Vigil.Extraction.Gazetteers;
using Vigil.Extraction.Ner;

namespace Vigil.Tests.Extraction.Gazetteers;

/// <summary>Reads the Korean dictionary scripts/setup-machine.sh installs (scripts/setup-test-machine.sh runs it).</summary>
public sealed class MecabKoDictionaryTests
{
    private static MecabKoDictionary Dictionary => MecabKoDictionary.Installed
        ?? throw new InvalidOperationException(MecabKoDictionary.Data.MissingMessage(MecabKoDictionary.Data.Directory));

    [Fact]
    public void Knows_person_names_places_and_other_proper_nouns()
    {
        Assert.True(Dictionary.ClassOf("김정은").HasFlag(KoreanWordClass.PersonName));
        // Given names alone are listed too, which is what tells "지훈은" from a common word.
        Assert.True(Dictionary.ClassOf("지훈").HasFlag(KoreanWordClass.PersonName));
        Assert.True(Dictionary.ClassOf("평양").HasFlag(KoreanWordClass.PlaceName));
        Assert.True(Dictionary.ClassOf("삼성전자").HasFlag(KoreanWordClass.ProperNoun));
        Assert.True(Dictionary.ClassOf("학교").HasFlag(KoreanWordClass.CommonNoun));
        Assert.False(Dictionary.ClassOf("학교").HasFlag(KoreanWordClass.PersonName));
        Assert.True(Dictionary.ClassOf("힘껏").HasFlag(KoreanWordClass.Modifier));
    }

    [Fact]
    public void A_spelling_with_several_readings_has_every_class()
    {
        var seoul = Dictionary.ClassOf("서울");
        Assert.True(seoul.HasFlag(KoreanWordClass.PlaceName));
        Assert.True(seoul.HasFlag(KoreanWordClass.CommonNoun));
    }

    [Fact]
    public void Finds_the_words_that_begin_a_text_shortest_first()
    {
        var found = new (int Length, KoreanWordClass Classes)[16];
        var count = Dictionary.PrefixesOf("평양에서는", found);
        Assert.True(count >= 2);
        Assert.Contains(found[..count], f => f.Length == 2 && f.Classes.HasFlag(KoreanWordClass.PlaceName));
        Assert.True(found.AsSpan(0, count).ToArray().Select(f => f.Length).SequenceEqual(found[..count].Select(f => f.Length).Order()));
    }

    [Fact]
    public void Words_it_does_not_hold_have_no_class()
    {
        Assert.Equal(KoreanWordClass.None, Dictionary.ClassOf("쀍쀍쀍"));
        Assert.Equal(KoreanWordClass.None, Dictionary.ClassOf("Qwxz"));
        Assert.Equal(KoreanWordClass.None, Dictionary.ClassOf(""));
        Assert.Equal(KoreanWordClass.None, Dictionary.ClassOf("\ud800"));
        Assert.Equal(0, Dictionary.PrefixesOf("쀍", new (int, KoreanWordClass)[4]));
    }

    [Theory]
    [InlineData("NNP,인명,T,김정은,*,*,*,*", KoreanWordClass.PersonName)]
    [InlineData("NNP,지명,T,평양,*,*,*,*", KoreanWordClass.PlaceName)]
    [InlineData("NNP,*,F,삼성전자,Compound,*,*,삼성/NNG/*+전자/NNG/*", KoreanWordClass.ProperNoun)]
    [InlineData("NNG,장소,T,서울,*,*,*,*", KoreanWordClass.CommonNoun)]
    [InlineData("VV+EC,*,F,힘줘,Inflect,VV,EC,힘주/VV/*+어/EC/*", KoreanWordClass.Predicate)]
    [InlineData("JKO,*,T,을,*,*,*,*", KoreanWordClass.Function)]
    [InlineData("MAG,*,T,힘껏,*,*,*,*", KoreanWordClass.Modifier)]
    [InlineData("SF,*,*,*,*,*,*,*", KoreanWordClass.Other)]
    public void Classifies_an_entry_by_its_feature_string(string feature, KoreanWordClass expected) =>
        Assert.Equal(expected, MecabKoDictionary.Classify(Encoding.UTF8.GetBytes(feature)));

    [Fact]
    public void A_truncated_dictionary_is_named_with_the_fix()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vigil-sys-{Guid.NewGuid():N}.dic");
        try
        {
            using (var source = File.OpenRead(Path.Combine(MecabKoDictionary.Data.Directory, MecabKoDictionary.FileName)))
            using (var target = File.Create(path))
            {
                var head = new byte[100_000];
                source.ReadExactly(head);
                target.Write(head);
            }
            var error = Assert.Throws<InvalidDataException>(() => MecabKoDictionary.Load(path));
            Assert.Contains(path, error.Message);
            Assert.Contains("truncated", error.Message);
            Assert.Contains("setup-machine.sh", error.Message);

            File.WriteAllBytes(path, [1, 2, 3]);
            Assert.Contains("header", Assert.Throws<InvalidDataException>(() => MecabKoDictionary.Load(path)).Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void The_korean_features_mark_dictionary_names_inside_an_eojeol()
    {
        var lexicon = KoreanLexicon.Default.Value;
        Assert.NotNull(lexicon.Dictionary);
        var chars = "김지훈은 평양에서 왔다".Select(c => c == ' ' ? "_" : c.ToString()).ToList();
        var view = NerFeatures.CharacterView(chars, null, lexicon);
        // 평양 (characters 5 and 6) is a place name and the whole stem of 평양에서.
        Assert.Equal("B-L=", view.DictionaryMarks[5]);
        Assert.Equal("L-L=", view.DictionaryMarks[6]);
        // 김지훈은: a surname, then a given name the dictionary lists as a person's.
        Assert.EndsWith("|P", view.DictionaryStem[0]);
        Assert.Equal("", view.DictionaryMarks[11]);
    }
}
