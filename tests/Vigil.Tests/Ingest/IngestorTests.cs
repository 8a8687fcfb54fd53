using System.Text;
using Vigil.Evaluation;
using Vigil.Ingest;

namespace Vigil.Tests.Ingest;

public class IngestorTests
{
    private static readonly Ingestor Ingestor = new();

    private const string Article = "Russia and North Korea sign a defence pact\n\nPresident Vladimir Putin met Kim Jong Un in Pyongyang on Wednesday, June 19, 2024, and the two leaders signed a treaty on comprehensive strategic partnership.\nThe treaty includes a mutual defence clause, according to the Russian president.\n";

    [Fact]
    public void Seeds_are_read_with_the_repeated_headline_kept_once_and_the_page_chrome_dropped()
    {
        var batch = Ingestor.Ingest([SharedData.Path("seeds")]);

        Assert.Empty(batch.Problems);
        Assert.Equal(5, batch.Documents.Count);
        var first = batch.Documents.Single(d => d.Source.EndsWith("000_e57ce89f42530d5f.txt", StringComparison.Ordinal));
        const string headline = "Putin e Kim Jong-un firmano un accordo per aiutarsi a vicenda in caso di “aggressione”";
        Assert.Equal(headline, first.Title);
        Assert.StartsWith(headline, first.Text, StringComparison.Ordinal);
        Assert.Single(AllIndexes(first.Text, headline));
        Assert.DoesNotContain("Google", first.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("PREV ", first.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("NEXT ", first.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n-\n", first.Text, StringComparison.Ordinal);
        Assert.EndsWith("nella regione russa dell’Amur.", first.Text, StringComparison.Ordinal);
        Assert.All(batch.Documents, d => Assert.Equal("it", d.Lang));
        Assert.All(batch.Documents, d => Assert.Equal("doc-" + d.ContentHash[..16], d.Id));
        Assert.All(batch.Documents, d => Assert.Equal(Vigil.Model.Ids.Hash(d.Text), d.ContentHash));
    }

    [Fact]
    public void Ingesting_the_same_text_twice_gives_the_same_document_once()
    {
        using var tmp = new TempFolder();
        var a = tmp.File("a.txt", Article);
        var b = tmp.File("copy/b.txt", Article.Replace("\n", "\r\n"));

        var batch = Ingestor.Ingest([a, b, tmp.Path]);

        var doc = Assert.Single(batch.Documents);
        Assert.Equal(Ingestor.Ingest([b]).Documents.Single().Id, doc.Id);
        Assert.Equal("en", doc.Lang);
        Assert.Equal("Russia and North Korea sign a defence pact", doc.Title);
    }

    [Fact]
    public void A_manifest_resolves_paths_against_its_folder_and_its_metadata_wins()
    {
        using var tmp = new TempFolder();
        tmp.File("pages/one.txt", Article);
        var manifest = tmp.File("m.jsonl",
            """
            {"path": "pages/one.txt", "url": "https://example.org/one", "title": "Given title", "outlet": "Example", "published": "2024-06-19", "lang": "en"}

            {"text": "Il presidente russo è atterrato mercoledì a Pyongyang per un vertice di due giorni con Kim Jong-un.", "lang": "it", "published": "2024-06-18T08:00:00Z"}
            """);

        var batch = Ingestor.Ingest([manifest]);

        Assert.Empty(batch.Problems);
        Assert.Equal(2, batch.Documents.Count);
        var one = batch.Documents[0];
        Assert.Equal("Given title", one.Title);
        Assert.Equal("Example", one.Outlet);
        Assert.Equal("https://example.org/one", one.Url);
        Assert.Equal(new NodaTime.LocalDate(2024, 6, 19), one.Published);
        Assert.EndsWith(Path.Combine("pages", "one.txt"), one.Source, StringComparison.Ordinal);
        var two = batch.Documents[1];
        Assert.Equal("it", two.Lang);
        Assert.Equal(new NodaTime.LocalDate(2024, 6, 18), two.Published);
        Assert.EndsWith("m.jsonl#L3", two.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_path_is_named_and_the_rest_of_the_batch_goes_on()
    {
        using var tmp = new TempFolder();
        var good = tmp.File("good.txt", Article);
        var missing = Path.Combine(tmp.Path, "nope.txt");

        var batch = Ingestor.Ingest([missing, good]);

        Assert.Single(batch.Documents);
        var problem = Assert.Single(batch.Problems);
        Assert.Equal(missing, problem.Input);
        Assert.Contains("Not found", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Check the path", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_reported_as_empty()
    {
        using var tmp = new TempFolder();
        var empty = tmp.File("empty.txt", []);
        var blank = tmp.File("blank.txt", "  \n\n \t\n");
        var good = tmp.File("good.txt", Article);

        var batch = Ingestor.Ingest([empty, blank, good]);

        Assert.Single(batch.Documents);
        Assert.Equal(2, batch.Problems.Count);
        Assert.Contains(batch.Problems, p => p.Input == empty && p.Message.Contains("empty", StringComparison.Ordinal));
        Assert.Contains(batch.Problems, p => p.Input == blank && p.Message.Contains("no readable text", StringComparison.Ordinal));
    }

    [Fact]
    public void A_binary_file_is_refused_with_what_to_do()
    {
        using var tmp = new TempFolder();
        var png = tmp.File("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
        var good = tmp.File("good.txt", Article);

        var batch = Ingestor.Ingest([png, good]);

        Assert.Single(batch.Documents);
        var problem = Assert.Single(batch.Problems);
        Assert.Equal(png, problem.Input);
        Assert.Contains("binary", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Convert", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_line_that_is_not_json_is_named_by_its_line_number()
    {
        using var tmp = new TempFolder();
        tmp.File("one.txt", Article);
        var manifest = tmp.File("batch.jsonl", "{\"path\": \"one.txt\"}\n{path: one.txt\n[1, 2]\n{\"title\": \"no path\"}\n");

        var batch = Ingestor.Ingest([manifest]);

        Assert.Single(batch.Documents);
        Assert.Equal(3, batch.Problems.Count);
        Assert.Equal($"{manifest} line 2", batch.Problems[0].Input);
        Assert.Contains("not valid JSON", batch.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("\"path\"", batch.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal($"{manifest} line 3", batch.Problems[1].Input);
        Assert.Equal($"{manifest} line 4", batch.Problems[2].Input);
        Assert.Contains("neither", batch.Problems[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_with_no_readable_files_says_what_it_looked_for()
    {
        using var tmp = new TempFolder();
        var folder = tmp.Folder("images");
        tmp.File("images/photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0]);
        tmp.File("images/.hidden.txt", Article);
        var good = tmp.File("good.txt", Article);

        var batch = Ingestor.Ingest([folder, good]);

        Assert.Single(batch.Documents);
        var problem = Assert.Single(batch.Problems);
        Assert.Equal(folder, problem.Input);
        Assert.Contains("no readable files", problem.Message, StringComparison.Ordinal);
        Assert.Contains(".txt", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Windows_1252_text_comes_out_right()
    {
        using var tmp = new TempFolder();
        var text = "Caffè e perché: la città di Pyongyang ha ricevuto il presidente russo “con entusiasmo” – dice l’agenzia.\nÈ la prima visita dal 2000, più di vent’anni fa.";
        var path = tmp.File("cp1252.txt", TextDecoder.Windows1252.GetBytes(text));

        var doc = Assert.Single(Ingestor.Ingest([path]).Documents);

        Assert.Equal(text, doc.Text);
    }

    [Fact]
    public void An_html_page_gives_its_main_text_and_title_without_navigation()
    {
        using var tmp = new TempFolder();
        var paragraphs = string.Join("\n", Enumerable.Range(1, 5).Select(i =>
            $"<p>Paragraph {i} of the report: the shipment left the port of Rajin, according to satellite imagery, and reached Vostochny two days later, officials said.</p>"));
        var page = $"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ship seen at Rajin | Example News</title>
            <meta property="og:title" content="Ship seen at Rajin"><meta property="article:published_time" content="2024-06-20T10:00:00Z"></head>
            <body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
            <article><h1>Ship seen at Rajin</h1>{paragraphs}</article>
            <div class="related"><a href="/x">Another story about something else entirely</a></div>
            <footer>Copyright Example News</footer></body></html>
            """;
        var path = tmp.File("page.html", page);

        var doc = Assert.Single(Ingestor.Ingest([path]).Documents);

        Assert.Equal("Ship seen at Rajin", doc.Title);
        Assert.Equal(new NodaTime.LocalDate(2024, 6, 20), doc.Published);
        Assert.StartsWith("Paragraph 1 of the report", doc.Text, StringComparison.Ordinal);
        Assert.Contains("Paragraph 5 of the report", doc.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Home", doc.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Another story", doc.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Copyright", doc.Text, StringComparison.Ordinal);
    }

    private static List<int> AllIndexes(string text, string value)
    {
        var found = new List<int>();
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal)) found.Add(i);
        return found;
    }
}
