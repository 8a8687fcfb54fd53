using Vigil.Extraction.Gazetteers;

namespace Vigil.Tests.Extraction.Gazetteers;

/// <summary>Reads the dictionary scripts/setup-machine.sh installs (scripts/setup-test-machine.sh runs it).</summary>
public sealed class OpenCorporaLexiconTests
{
    private static OpenCorporaLexicon Lexicon => OpenCorporaLexicon.Installed
        ?? throw new InvalidOperationException(OpenCorporaLexicon.Data.MissingMessage(OpenCorporaLexicon.Data.Directory));

    [Fact]
    public void Finds_the_lemma_and_kind_of_inflected_names()
    {
        Assert.Contains(new LexiconParse("путин", "NOUN", ProperNounKind.Surname, false), Lexicon.Parse("Путина"));
        Assert.Contains(new LexiconParse("сергей", "NOUN", ProperNounKind.FirstName, false), Lexicon.Parse("Сергея"));
        Assert.Contains(new LexiconParse("курск", "NOUN", ProperNounKind.Place, false), Lexicon.Parse("Курске"));
        Assert.Contains(Lexicon.Parse("Газпрома"), p => p.Lemma == "газпром" && p.Proper == ProperNounKind.Organisation);
        // OpenCorpora files patronymics under the first name's lexeme.
        Assert.Contains(Lexicon.Parse("Владимировича"), p => p.Lemma == "владимир" && p.Proper == ProperNounKind.Patronymic);
    }

    [Fact]
    public void Keeps_common_readings_beside_proper_ones()
    {
        // "путина" is also the fishing season; "Курской" is only the adjective курский (the oblast is not a lexeme).
        Assert.Contains(Lexicon.Parse("путина"), p => p.Lemma == "путина" && p.Proper == ProperNounKind.None);
        var kursk = Lexicon.Parse("Курской");
        Assert.NotEmpty(kursk);
        Assert.All(kursk, p => Assert.Equal(("курский", "ADJF", ProperNounKind.None), (p.Lemma, p.PartOfSpeech, p.Proper)));
        Assert.Contains(Lexicon.Parse("области"), p => p.Lemma == "область");
    }

    [Fact]
    public void Reads_e_as_yo_and_rejects_what_it_does_not_know()
    {
        Assert.Contains(Lexicon.Parse("Королев"), p => p.Lemma == "королёв" && p.Proper.HasFlag(ProperNounKind.Surname));
        Assert.Contains(Lexicon.Parse("ООН"), p => p.Abbreviation && p.Proper == ProperNounKind.Organisation);
        Assert.Empty(Lexicon.Parse("Qwxz"));
        Assert.Empty(Lexicon.Parse("жжжщщщ"));
        Assert.Empty(Lexicon.Parse(""));
        Assert.Empty(Lexicon.Parse("Berlin\u0001"));
    }

    [Fact]
    public void Enumerates_the_proper_noun_forms_with_their_lemmas()
    {
        var count = 0; var seen = new HashSet<(string, string, ProperNounKind)>();
        foreach (var (form, lemma, kind) in Lexicon.ProperNouns())
        {
            count++;
            Assert.NotEqual(ProperNounKind.None, kind & OpenCorporaLexicon.AnyProper);
            if (form is "путина" or "сергея" or "курске" or "москва" or "путину") seen.Add((form, lemma, kind));
        }
        Assert.Contains(("путина", "путин", ProperNounKind.Surname), seen);
        Assert.Contains(("путину", "путин", ProperNounKind.Surname), seen);
        Assert.Contains(("сергея", "сергей", ProperNounKind.FirstName), seen);
        Assert.Contains(("курске", "курск", ProperNounKind.Place), seen);
        Assert.Contains(("москва", "москва", ProperNounKind.Place), seen);
        Assert.DoesNotContain(seen, x => x.Item2 == "путина");
        Assert.InRange(count, 500_000, 10_000_000);
    }

    [Fact]
    public void A_missing_or_broken_dictionary_says_how_to_install_it()
    {
        var dir = Directory.CreateTempSubdirectory("vigil-opencorpora-");
        try
        {
            var missing = Assert.Throws<FileNotFoundException>(() => OpenCorporaLexicon.Load(dir.FullName));
            Assert.Contains("scripts/setup-machine.sh", missing.Message);
            Assert.Contains(OpenCorporaLexicon.Data.EnvironmentVariable, missing.Message);
            foreach (var f in new[] { "words.dawg", "paradigms.array" }) File.WriteAllBytes(Path.Combine(dir.FullName, f), [9, 0, 0, 0, 1, 2]);
            foreach (var f in new[] { "suffixes.json", "gramtab-opencorpora-int.json" }) File.WriteAllText(Path.Combine(dir.FullName, f), "[\"\"]");
            Assert.Throws<InvalidDataException>(() => OpenCorporaLexicon.Load(dir.FullName));
        }
        finally { dir.Delete(recursive: true); }
    }
}
