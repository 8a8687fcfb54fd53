using Vigil.Screening;

namespace Vigil.Tests.Screening;

public sealed class ListLoaderTests(SanctionsListsFixture lists) : IClassFixture<SanctionsListsFixture>
{
    [Fact]
    public void Loads_the_UN_list_in_full()
    {
        var un = lists.Loaded.Entries.Where(e => e.List == "UN-SC").ToList();
        Assert.Equal(1003, un.Count);
        var kim = un.Single(e => e.ListId == "KPi.033");
        Assert.Contains("DPRK", kim.Programs);
        Assert.Contains(lists.Loaded.Lists, l => l.List == "UN-SC" && l.Published is not null);
    }

    [Fact]
    public void Uses_the_fullest_OFAC_SDN_set_and_joins_aliases_only_on_matching_ent_num()
    {
        var sdn = lists.Loaded.Entries.Where(e => e.List == "US-OFAC").ToList();
        Assert.Equal(14965, sdn.Count);
        Assert.Equal(sdn.Count, sdn.Select(e => e.ListId).Distinct().Count());
        var putin = sdn.Single(e => e.ListId == "35096");
        Assert.Contains("PUTIN, Vladimir", putin.Aliases);
        Assert.Contains(putin.BirthDates, d => d.ToString() == "1952-10-07");
        Assert.Contains("RU", putin.Nationalities);
        var summary = lists.Loaded.Lists.Single(l => l.List == "US-OFAC");
        Assert.EndsWith(Path.Combine("2024-05-03_sdn_csv", "sdn.csv"), summary.File);
        Assert.Contains("set aside", summary.Note);
    }

    [Fact]
    public void Reads_OFAC_vessel_identifiers()
    {
        var vessel = lists.Loaded.Entries.Single(e => e.List == "US-OFAC" && e.ListId == "37444");
        Assert.Equal(Vigil.Model.EntitySchema.Vessel, vessel.Schema);
        Assert.Contains(vessel.Identifiers, i => i.Type == "imo" && i.Value == "1011551");
    }

    [Fact]
    public void A_truncated_list_file_is_reported_by_name_and_line_and_the_other_lists_still_load()
    {
        var dir = Directory.CreateTempSubdirectory("vigil-lists-");
        try
        {
            var un = File.ReadAllText(Path.Combine(Vigil.Evaluation.SharedData.Path("data", "sanctions", "un_sc_consolidated"), "consolidated.xml"));
            File.WriteAllText(Path.Combine(dir.FullName, "consolidated.xml"), un[..(un.Length / 3)]);
            var ofac = Directory.CreateDirectory(Path.Combine(dir.FullName, "ofac"));
            File.WriteAllText(Path.Combine(ofac.FullName, "sdn.csv"), "35096,\"PUTIN, Vladimir Vladimirovich\",\"individual\",\"RUSSIA-EO14024\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 07 Oct 1952.\"\r\n");
            var result = ListLoader.Load(dir.FullName);
            var problem = Assert.Single(result.Problems);
            Assert.Contains("consolidated.xml", problem.File);
            Assert.Contains("line", problem.Message);
            Assert.Contains(result.Entries, e => e.ListId == "35096");
            Assert.Contains(result.Entries, e => e.List == "UN-SC"); // records before the break are kept
        }
        finally { dir.Delete(recursive: true); }
    }

    [Fact]
    public void A_missing_folder_is_a_problem_not_an_exception()
    {
        var result = ListLoader.Load("/nonexistent/vigil-lists");
        Assert.Empty(result.Entries);
        Assert.Contains("not found", Assert.Single(result.Problems).Message);
    }
}
