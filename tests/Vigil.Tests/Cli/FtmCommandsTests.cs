using Vigil.Reporting.Ftm;
using Vigil.Storage;
using static Vigil.Tests.Analysis.AnalysisFixtures;

namespace Vigil.Tests.Cli;

public class FtmCommandsTests
{
    // Through CliRunner: it owns the console while a command runs, so parallel tests do not mix their output.
    private static int Run(params string[] args) => CliRunner.Run(args).ExitCode;

    [Fact]
    public void Import_then_export_gives_back_the_same_ftm_lines()
    {
        using var dir = new TempDir();
        var original = SampleAnalysis();
        var input = dir.File("in.ftm.jsonl");
        using (var w = new StreamWriter(input)) new FtmWriter().Write(original, w);

        Assert.Equal(0, Run("import", input, "--format", "ftm", "--db", dir.File("vigil.db")));
        Assert.Equal(0, Run("export", "--format", "ftm", "--out", dir.File("out.ftm.jsonl"), "--db", dir.File("vigil.db")));

        // The store orders rows its own way: compare the sets of lines.
        Assert.Equal(File.ReadAllLines(input).Order(), File.ReadAllLines(dir.File("out.ftm.jsonl")).Order());
        using var store = StoreFactory.Open(dir.File("vigil.db"));
        Assert.Equal(original.Claims.Count, store.Count().Claims);
    }

    [Fact]
    public void Importing_a_missing_file_says_which_and_what_to_give()
    {
        using var dir = new TempDir();
        var outcome = CliRunner.Run("import", dir.File("nope.jsonl"), "--db", dir.File("vigil.db"));
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("nope.jsonl does not exist", outcome.Err);
    }
}
