using Vigil.Evaluation;
using Vigil.Ingest;
using Vigil.Model;

namespace Vigil.Tests.Ingest;

public class NearDuplicateIndexTests
{
    private static readonly string Original = string.Join("\n", File.ReadAllLines(SharedData.Path("seeds", "000_e57ce89f42530d5f.txt")).Where(l => l.Length > 0).Distinct());

    private static Document Doc(string id, string text) => new(id, id, text, Ids.Hash(text));

    [Fact]
    public void A_syndicated_copy_with_a_new_intro_and_a_cut_ending_links_to_the_original()
    {
        var lines = Original.Split('\n');
        var copy = "ROMA (Agenzia) – Ripreso da un servizio di agenzia.\n" + string.Join("\n", lines.Take(lines.Length - 2)) + "\nRiproduzione riservata.";
        var index = new NearDuplicateIndex();

        Assert.Null(index.Add(Doc("doc-original", Original)));
        var found = index.Add(Doc("doc-copy", copy));

        Assert.NotNull(found);
        Assert.Equal("doc-original", found.OriginalId);
        Assert.True(found.Containment > 0.9);
    }

    [Fact]
    public void Shingles_ignore_case_and_punctuation_between_words()
    {
        var a = NearDuplicateIndex.Shingles("KIM Jong-un's visit, to Pyongyang: the talks (in 2024) ended; São Paulo 北朝鮮 reported.");
        var b = NearDuplicateIndex.Shingles("kim jong un s visit to pyongyang the talks in 2024 ended são paulo 北朝鮮 reported");
        var c = NearDuplicateIndex.Shingles("kim jong un s visit to pyongyang the talks in 2025 ended são paulo 北朝鮮 reported");

        Assert.Equal(12, a.Length);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Different_reports_on_the_same_event_are_not_copies()
    {
        var index = new NearDuplicateIndex();
        var seeds = Directory.GetFiles(SharedData.Path("seeds")).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();

        var links = seeds.Select((text, i) => index.Add(Doc($"doc-{i}", text))).ToList();

        Assert.All(links, Assert.Null);
    }

    [Fact]
    public void A_copy_of_a_copy_points_at_the_first_original()
    {
        var index = new NearDuplicateIndex();
        index.Add(Doc("a", Original));
        index.Add(Doc("b", Original + "\nFonte: agenzia."));

        var third = index.Add(Doc("c", "Aggiornamento.\n" + Original + "\nFonte: agenzia."));

        Assert.Equal("a", third?.OriginalId);
    }

    [Fact]
    public void The_ingestor_marks_the_later_copy_and_keeps_both()
    {
        using var tmp = new TempFolder();
        tmp.File("1.txt", Original);
        tmp.File("2.txt", "Ripreso da un'agenzia di stampa.\n" + Original);

        var batch = new Ingestor().Ingest([tmp.Path]);

        Assert.Equal(2, batch.Documents.Count);
        Assert.Null(batch.Documents[0].DuplicateOf);
        Assert.Equal(batch.Documents[0].Id, batch.Documents[1].DuplicateOf);
    }

    [Fact]
    public void Linking_stored_documents_makes_the_earliest_published_the_original()
    {
        var copy = Doc("copy", "Ripreso da un'agenzia di stampa.\n" + Original) with { Published = new NodaTime.LocalDate(2024, 6, 20) };
        var original = Doc("original", Original) with { Published = new NodaTime.LocalDate(2024, 6, 19) };
        var other = Doc("other", File.ReadAllText(SharedData.Path("seeds", "001_25157391ab970e29.txt")));

        var linked = NearDuplicateIndex.LinkCopies([copy, other, original]);

        Assert.Equal(["copy", "other", "original"], linked.Select(d => d.Id));
        Assert.Equal("original", linked[0].DuplicateOf);
        Assert.Null(linked[1].DuplicateOf);
        Assert.Null(linked[2].DuplicateOf);
    }

    [Fact]
    public void Linking_keeps_a_link_made_at_ingest_and_never_makes_a_copy_the_original_of_its_original()
    {
        // The copy is dated earlier than the text it was linked to at ingest: it is still the copy.
        var original = Doc("original", Original);
        var copy = Doc("copy", Original + "\nFonte: agenzia.") with { DuplicateOf = "original", Published = new NodaTime.LocalDate(2024, 1, 1) };

        var linked = NearDuplicateIndex.LinkCopies([original, copy]);

        Assert.Null(linked[0].DuplicateOf);
        Assert.Equal("original", linked[1].DuplicateOf);
    }
}
