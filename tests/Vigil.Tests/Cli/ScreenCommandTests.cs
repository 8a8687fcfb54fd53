using System.Text.Json;
using Vigil.Evaluation;

namespace Vigil.Tests.Cli;

public sealed class ScreenCommandTests
{
    private static readonly string UnOnly = SharedData.Path("data", "sanctions", "un_sc_consolidated");

    [Fact]
    public void Json_output_has_the_fixed_shape_sorted_by_score()
    {
        var outcome = CliRunner.Run("screen", "KOMID", "--schema", "Organization", "--format", "json", "--lists", UnOnly);
        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Out);
        Assert.Equal("KOMID", json.RootElement.GetProperty("query").GetString());
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        var first = results[0];
        Assert.Equal("UN-SC", first.GetProperty("list").GetString());
        Assert.Equal("KPe.001", first.GetProperty("list_id").GetString());
        Assert.True(first.GetProperty("match").GetBoolean());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("explanation").GetString()));
        var scores = results.Select(r => r.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
    }

    [Fact]
    public void A_batch_file_is_screened_name_by_name()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "name,schema\nKorea Mining Development Trading Corporation,Organization\nMaria Rossi,Person\n");
            var outcome = CliRunner.Run("screen", "--file", file, "--format", "json", "--lists", UnOnly);
            Assert.Equal(0, outcome.ExitCode);
            using var json = JsonDocument.Parse(outcome.Out);
            var rows = json.RootElement.EnumerateArray().ToList();
            Assert.Equal(2, rows.Count);
            Assert.Contains(rows[0].GetProperty("results").EnumerateArray(), r => r.GetProperty("match").GetBoolean());
            Assert.DoesNotContain(rows[1].GetProperty("results").EnumerateArray(), r => r.GetProperty("match").GetBoolean());
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void A_missing_lists_folder_is_a_clear_error()
    {
        var outcome = CliRunner.Run("screen", "Kim Jong Un", "--lists", "/nonexistent/lists");
        Assert.NotEqual(0, outcome.ExitCode);
        Assert.Contains("/nonexistent/lists", outcome.Err);
    }
}
