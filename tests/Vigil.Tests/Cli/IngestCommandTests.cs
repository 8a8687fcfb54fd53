using Vigil.Storage;

namespace Vigil.Tests.Cli;

public class IngestCommandTests
{
    [Fact]
    public void Ingest_stores_documents_once_and_names_what_it_could_not_read()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("a.txt"), "Il ministro Sergej Lavrov ha incontrato Choe Son Hui a Mosca.\n");
        var first = CliRunner.Run("ingest", dir.File("a.txt"), dir.File("absent.txt"), "--db", dir.File("v.db"));
        var second = CliRunner.Run("ingest", dir.File("a.txt"), "--db", dir.File("v.db"));

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("absent.txt", first.Err, StringComparison.Ordinal);
        Assert.Contains("1 already stored", second.Err, StringComparison.Ordinal);
        using var store = new SqliteStore(dir.File("v.db"));
        Assert.Equal(1, store.Count().Documents);
    }
}
