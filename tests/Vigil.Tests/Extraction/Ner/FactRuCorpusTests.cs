using Vigil.Extraction.Ner;

namespace Vigil.Tests.Extraction.Ner;

public sealed class FactRuCorpusTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"vigil-factru-{Guid.NewGuid():N}");

    public FactRuCorpusTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>"Мэрия Москвы и Россия." with an Org (descriptor + name), the LocOrg inside it, and a second LocOrg.</summary>
    private void WriteDocument(string name, string extraObject = "")
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path + ".txt", "Мэрия Москвы и Россия.");
        File.WriteAllLines(path + ".tokens", ["11 0 5 Мэрия", "12 6 6 Москвы", "13 13 1 и", "14 15 6 Россия", "15 21 1 .", ""]);
        File.WriteAllLines(path + ".spans",
        [
            "21 org_descr 0 5 11 1  # 11 Мэрия",
            "22 loc_name 6 6 12 1  # 12 Москвы",
            "23 loc_name 15 6 14 1  # 14 Россия",
        ]);
        File.WriteAllLines(path + ".objects",
        [
            "31 Org 21 22 # Мэрия Москвы",
            "32 LocOrg 22 # Москвы",
            "33 LocOrg 23 # Россия",
            extraObject,
        ]);
    }

    [Fact]
    public void Reads_mentions_with_name_tokens_weighing_one_and_descriptors_nothing()
    {
        WriteDocument("book_1");
        var doc = Assert.Single(FactRuCorpus.Read(_dir));
        Assert.True(doc.MentionsLoaded);
        var org = doc.Mentions.Single(m => m.Id == "31");
        Assert.Equal("org", org.Type);
        Assert.Equal(0, org.Weights[0]);
        Assert.Equal(1, org.Weights[1]);
        Assert.Equal(["locorg", "locorg"], doc.Mentions.Where(m => m.Id != "31").Select(m => m.Type));
        Assert.True(doc.IsIgnored(4)); // the full stop touches "Россия"
        Assert.False(doc.IsIgnored(2)); // "и" is a letter
    }

    [Fact]
    public void Tags_LocOrg_as_LOC_or_as_its_own_type_and_keeps_the_longest_of_overlapping_objects()
    {
        WriteDocument("book_1");
        Assert.Equal(["B-ORG", "I-ORG", "O", "B-LOC", "O"], Assert.Single(FactRuCorpus.Read(_dir)).Sentences.Single().Tags);
        Assert.Equal(["B-ORG", "I-ORG", "O", "B-LOCORG", "O"], Assert.Single(FactRuCorpus.Read(_dir, keepLocOrg: true)).Sentences.Single().Tags);
    }

    [Fact]
    public void A_document_with_a_type_the_comparator_does_not_know_has_no_mentions_to_score()
    {
        WriteDocument("book_2", "34 Facility 23 # Россия");
        var doc = Assert.Single(FactRuCorpus.Read(_dir));
        Assert.False(doc.MentionsLoaded);
        Assert.Empty(doc.Mentions);
        Assert.Contains("B-LOC", doc.Sentences.Single().Tags); // the tagger still learns from it
    }
}
