using Vigil.Extraction.Gazetteers;
using Vigil.Extraction.Ner;

namespace Vigil.Tests.Extraction.Ner;

public sealed class KoreanLexiconTests
{
    private static readonly KoreanLexicon Small = new(["김", "박", "남궁"], [("서울", "LOC"), ("서울시청", "ORG"), ("부산", "LOC"), ("국방부", "ORG")]);

    private static string[] Chars(string text) => text.Select(c => c == ' ' ? "_" : c.ToString()).ToArray();

    [Fact]
    public void Drops_the_administrative_unit_from_GeoNames_names()
    {
        Assert.Equal("부산", GeoNamesCities.KoreanShortForm("부산광역시"));
        Assert.Equal("나주", GeoNamesCities.KoreanShortForm("나주시"));
        Assert.Equal("뉴욕", GeoNamesCities.KoreanShortForm("뉴욕 시"));
        // One syllable left is too short to be looked up on its own.
        Assert.Null(GeoNamesCities.KoreanShortForm("구시"));
        Assert.Null(GeoNamesCities.KoreanShortForm("서울"));
    }

    [Fact]
    public void Finds_one_and_two_syllable_surnames()
    {
        Assert.Equal(1, Small.SurnameLength("김철수"));
        Assert.Equal(2, Small.SurnameLength("남궁민수"));
        Assert.Equal(0, Small.SurnameLength("회의"));
        Assert.Equal("ORG", Small.TypeOf("국방부"));
        Assert.Null(Small.TypeOf("국방"));
    }

    [Fact]
    public void Marks_the_longest_names_inside_each_eojeol()
    {
        var view = NerFeatures.CharacterView(Chars("서울시청에서 국방부와 부산항을"), null, Small);
        // 서울시청 is longer than 서울 and is the whole stem ("="), as 국방부 is of 국방부와; 부산 is only part of 부산항.
        Assert.Equal(["B-ORG=", "I-ORG=", "I-ORG=", "L-ORG=", "", "", ""], view.Lexicon[..7]);
        Assert.Equal(["B-ORG=", "I-ORG=", "L-ORG=", "", ""], view.Lexicon[7..12]);
        Assert.Equal(["B-LOC", "L-LOC", "", ""], view.Lexicon[12..]);
    }

    [Fact]
    public void Marks_stems_that_start_with_a_surname_once_particle_and_title_are_gone()
    {
        var view = NerFeatures.CharacterView(Chars("김씨는 박철수 대표와 회의를"), null, Small);
        Assert.Equal([1, 1, 1, 0], view.Surname[..4].Select(b => (int)b));
        Assert.Equal([1, 1, 1], view.Surname[4..7].Select(b => (int)b));
        Assert.All(view.Surname[8..], b => Assert.Equal(0, b));
        // A stem of five syllables or more is not a name with a surname, whatever its first syllable.
        Assert.All(NerFeatures.CharacterView(Chars("김장철수박람회"), null, Small).Surname, b => Assert.Equal(0, b));
    }

    [Fact]
    public void Marks_whether_stems_are_common_words()
    {
        var lexicon = new KoreanLexicon(["김"], [], ["회의", "김치"]);
        var view = NerFeatures.CharacterView(Chars("김치를 김철수와 회의를"), null, lexicon);
        // 김치: a word, and 치 is not; 김철수: no word, nor 철수; 회의: a word without a surname.
        Assert.Equal("s-", view.Vocabulary[0]);
        Assert.Equal("--", view.Vocabulary[4]);
        Assert.Equal("s", view.Vocabulary[^1]);
    }

    [Fact]
    public void Transliterated_names_sound_more_foreign_than_common_words()
    {
        var lexicon = new KoreanLexicon([], [("샌프란시스코", "LOC"), ("스톡홀름", "LOC"), ("브리즈번", "LOC"), ("프레스턴", "LOC"), ("스트라스부르", "LOC")],
            ["회의", "정부", "대통령", "학교", "사람", "경제", "정치", "회사", "국민", "생각"]);
        Assert.True(lexicon.Foreignness("스프레스") > lexicon.Foreignness("정부회의"));
        Assert.True(lexicon.Foreignness("스프레스") > 0);
        Assert.True(lexicon.Foreignness("정부회의") < 0);
        Assert.Equal(0, Small.Foreignness("스프레스")); // no vocabulary, no judgement
    }

    [Fact]
    public void Reads_hunspell_words_composed_to_syllables()
    {
        var dir = Directory.CreateTempSubdirectory("vigil-hunspell-");
        try
        {
            var path = Path.Combine(dir.FullName, "ko.dic");
            File.WriteAllText(path, "2\n" + "가공품".Normalize(System.Text.NormalizationForm.FormD) + "/10\n회의\n");
            Assert.Equal(["가공품", "회의"], KoreanLexicon.ReadHunspell(path));
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void The_installed_lexicon_knows_Korean_places_and_surnames()
    {
        var lexicon = KoreanLexicon.Default.Value;
        Assert.Equal("LOC", lexicon.TypeOf("서울"));
        Assert.Equal("LOC", lexicon.TypeOf("경기도"));
        Assert.Equal("LOC", lexicon.TypeOf("일본"));   // CLDR country name
        Assert.Equal("ORG", lexicon.TypeOf("유엔"));   // lexicon entities.tsv
        Assert.Equal(1, lexicon.SurnameLength("이순신"));
        if (GeoNamesCities.IsAvailable()) Assert.Equal("LOC", lexicon.TypeOf("나주"));
    }
}
