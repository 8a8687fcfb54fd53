using System.Text;
using Vigil.Evaluation;
using Vigil.Storage;

namespace Vigil.Tests.Cli;

/// <summary>Bad input, tried as a user would: a clear message naming the input, the rest goes on, nothing stored is lost.</summary>
public class BadInputTests
{
    private static string UnListsOnly(TempDir dir)
    {
        // A small lists folder with a scratch copy of the real UN list keeps these runs fast. A copy,
        // not a link: tests run as root here, and a write through a link would change the shared data.
        var lists = Directory.CreateDirectory(dir.File("lists")).FullName;
        var un = Directory.GetFiles(SharedData.Path("data", "sanctions", "un_sc_consolidated"), "*.xml").First();
        File.Copy(un, Path.Combine(lists, Path.GetFileName(un)));
        return lists;
    }

    private static CliRunner.Outcome Analyze(TempDir dir, string lists, params string[] inputs) =>
        CliRunner.Run(["analyze", .. inputs, "--db", dir.File("vigil.db"), "--lists", lists, "--format", "json", "--out", dir.File("r.json")]);

    private static int StoredDocuments(TempDir dir)
    {
        using var store = new SqliteStore(dir.File("vigil.db"));
        return store.Count().Documents;
    }

    [Fact]
    public void Each_bad_input_is_named_and_the_good_ones_and_earlier_data_survive()
    {
        using var dir = new TempDir();
        var lists = UnListsOnly(dir);
        File.WriteAllText(dir.File("good.txt"), "Kim Jong Un met Vladimir Putin in Pyongyang on 19 June 2024.\n");
        Assert.Equal(0, Analyze(dir, lists, dir.File("good.txt")).ExitCode);
        Assert.Equal(1, StoredDocuments(dir));

        File.WriteAllText(dir.File("empty.txt"), "");
        File.WriteAllBytes(dir.File("binary.txt"), [0x00, 0x01, 0xFF, 0xFE, 0x00, 0x10, 0x80, 0x00, 0x7F, 0x00, 0x00, 0x13]);
        File.WriteAllLines(dir.File("manifest.jsonl"), ["{\"text\": \"Sergei Shoigu visited Pyongyang in July 2024.\", \"title\": \"Shoigu\"}", "this is not json"]);
        var outcome = Analyze(dir, lists, dir.File("missing.txt"), dir.File("empty.txt"), dir.File("binary.txt"), dir.File("manifest.jsonl"));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("missing.txt", outcome.Err, StringComparison.Ordinal);
        Assert.Contains("empty.txt", outcome.Err, StringComparison.Ordinal);
        Assert.Contains("binary.txt", outcome.Err, StringComparison.Ordinal);
        Assert.Contains("manifest.jsonl", outcome.Err, StringComparison.Ordinal);
        Assert.Equal(2, StoredDocuments(dir));
    }

    [Fact]
    public void Windows_1252_text_is_decoded_not_mangled()
    {
        using var dir = new TempDir();
        var lists = UnListsOnly(dir);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        File.WriteAllBytes(dir.File("cp1252.txt"), Encoding.GetEncoding(1252).GetBytes("La Corea del Nord e la Russia hanno firmato l’accordo “storico” mercoledì a Pyongyang.\n"));
        Assert.Equal(0, Analyze(dir, lists, dir.File("cp1252.txt")).ExitCode);
        using var store = new SqliteStore(dir.File("vigil.db"));
        var text = Assert.Single(store.GetDocuments()).Text;
        Assert.Contains("l’accordo “storico” mercoledì", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_readable_exits_non_zero_and_keeps_what_was_stored()
    {
        using var dir = new TempDir();
        var lists = UnListsOnly(dir);
        File.WriteAllText(dir.File("good.txt"), "Kim Jong Un met Vladimir Putin in Pyongyang.\n");
        Analyze(dir, lists, dir.File("good.txt"));
        var outcome = Analyze(dir, lists, dir.File("nope.txt"));
        Assert.NotEqual(0, outcome.ExitCode);
        Assert.Contains("nope.txt", outcome.Err, StringComparison.Ordinal);
        Assert.Equal(1, StoredDocuments(dir));
    }

    [Fact]
    public void A_list_file_that_does_not_parse_is_named_and_the_other_lists_still_load()
    {
        using var dir = new TempDir();
        var lists = UnListsOnly(dir);
        var broken = Path.Combine(lists, "consolidated.xml");
        File.WriteAllText(broken, "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID>");
        File.WriteAllText(dir.File("good.txt"), "Kim Jong Un met Vladimir Putin in Pyongyang.\n");
        var outcome = Analyze(dir, lists, dir.File("good.txt"));
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("consolidated.xml", outcome.Err, StringComparison.Ordinal);
        Assert.Equal(1, StoredDocuments(dir));
    }
}
