using Vigil.Model;
using Vigil.Screening.Lists;

namespace Vigil.Tests.Screening.Lists;

/// <summary>The parsers for which ../shared holds a real, full file, read in place.</summary>
public sealed class RealListFilesTests
{
    [Fact]
    public void Canada_SEMA_xml_reads_every_record()
    {
        var list = ListFormatTestFiles.ParseShared(new CanadaSemaXmlParser(), "ca_sema", "sema-lmes.xml");
        Assert.Equal(4759, list.Entries.Count);
        Assert.Empty(list.Problems);
        Assert.Equal("2025-03-20", list.Published.ToString());
        Assert.Contains(list.Entries, e => e.Schema == EntitySchema.Vessel && e.Identifiers.Any(i => i.Type == "imo"));
        Assert.Equal(list.Entries.Count, list.Entries.Select(e => e.ListId).Distinct().Count());
        // Language labels are not part of the alias.
        Assert.DoesNotContain(list.Entries.SelectMany(e => e.Aliases), a => a.StartsWith("Russian:", StringComparison.Ordinal));
    }

    [Fact]
    public void Australia_DFAT_xlsx_groups_name_rows_into_designations()
    {
        var list = ListFormatTestFiles.ParseShared(new AustraliaDfatXlsxParser(), "au_dfat", "regulation8_consolidated.xlsx");
        Assert.InRange(list.Entries.Count, 3000, 3300);
        Assert.Equal("2024-11-11", list.Published.ToString());
        Assert.True(list.Entries.Count(e => e.Programs.Any(p => p.Contains("1718", StringComparison.Ordinal))) > 100);
        Assert.Contains(list.Entries, e => e.Schema == EntitySchema.Person && e.Aliases.Count > 0 && e.BirthDates.Count > 0);
    }

    [Fact]
    public void OFAC_consolidated_xml_reads_strong_and_weak_akas()
    {
        var list = ListFormatTestFiles.ParseShared(new OfacXmlParser(), "us_ofac_consolidated_non_sdn", "consolidated_2025-03-28.xml");
        Assert.Equal(443, list.Entries.Count);
        Assert.Equal("US-OFAC-CONS", list.List);
        Assert.Equal("2025-03-28", list.Published.ToString());
        var haniya = list.Entries.Single(e => e.ListId == "9639");
        Assert.Equal("HANIYA, Ismail Abdul Salah", haniya.Name);
        Assert.Contains("HANIYYA, Ismaeel", haniya.Aliases);
        Assert.Equal("1962", haniya.BirthDates.Single().ToString());
    }

    [Fact]
    public void FtM_json_lines_keep_only_screenable_targets()
    {
        var list = ListFormatTestFiles.ParseShared(new FtmJsonParser(), "opensanctions_ftm_samples", "zala_aero_cluster.ftm.json");
        Assert.Empty(list.Problems);
        Assert.NotEmpty(list.Entries);
        Assert.All(list.Entries, e => Assert.True(e.Schema is EntitySchema.Person or EntitySchema.Company or EntitySchema.Organization or EntitySchema.LegalEntity or EntitySchema.Vessel));
        Assert.Contains(list.Entries, e => e.Aliases.Any(a => a.Any(c => c is >= 'А' and <= 'я')));
    }

    [Fact]
    public void Prose_that_mentions_an_element_name_is_not_taken_for_a_list()
    {
        var file = ListFile.Open(Vigil.Evaluation.SharedData.Path("data", "sanctions", "ca_sema", "SOURCE.md"));
        Assert.DoesNotContain(ListParsers.All, p => p.CanParse(file));
    }
}
