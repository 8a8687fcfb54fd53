using System.Text.Json;
using Vigil.Model;
using Vigil.Screening;
using Vigil.Screening.Lists;

namespace Vigil.Tests.Screening.Lists;

public sealed class ListSnapshotCacheTests : IDisposable
{
    private readonly DirectoryInfo lists = Directory.CreateTempSubdirectory("vigil-snap-lists-");
    private readonly DirectoryInfo snapshots = Directory.CreateTempSubdirectory("vigil-snap-cache-");

    public void Dispose()
    {
        lists.Delete(recursive: true);
        snapshots.Delete(recursive: true);
    }

    private static string UnXml(int records) =>
        "<?xml version=\"1.0\"?>\n<CONSOLIDATED_LIST dateGenerated=\"2026-02-27T00:00:09.554Z\"><INDIVIDUALS>\n" +
        string.Concat(Enumerable.Range(1, records).Select(i =>
            $"<INDIVIDUAL><FIRST_NAME>PERSON</FIRST_NAME><SECOND_NAME>NUMBER {i}</SECOND_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPi.{i:000}</REFERENCE_NUMBER>" +
            $"<NATIONALITY><VALUE>Democratic People's Republic of Korea</VALUE></NATIONALITY><INDIVIDUAL_DATE_OF_BIRTH><DATE>1984-01-{i % 28 + 1:00}</DATE></INDIVIDUAL_DATE_OF_BIRTH>" +
            "<INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>P. N.</ALIAS_NAME></INDIVIDUAL_ALIAS><COMMENTS1>Passport 918320780 (Korea, North)</COMMENTS1></INDIVIDUAL>\n")) +
        "</INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>\n";

    private string WriteUn(int records)
    {
        var path = Path.Combine(lists.FullName, "consolidated.xml");
        File.WriteAllText(path, UnXml(records));
        return path;
    }

    private ListLoadResult Load() => ListLoader.Load(lists.FullName, new ListLoadOptions(snapshots.FullName));

    private static string Json(IEnumerable<ListEntry> entries) => JsonSerializer.Serialize(entries);

    [Fact]
    public void A_second_load_reads_the_snapshot_and_gives_the_same_entries()
    {
        WriteUn(5);
        var parsed = Load();
        Assert.Single(Directory.GetFiles(snapshots.FullName, "*.snap"));
        var again = Load();
        Assert.Equal(5, again.Entries.Count);
        Assert.Equal(Json(parsed.Entries), Json(again.Entries));
        Assert.Equal(parsed.Lists.Single().Published, again.Lists.Single().Published);
    }

    [Fact]
    public void The_snapshot_is_what_is_loaded_while_the_file_is_unchanged()
    {
        var path = WriteUn(2);
        var file = ListFile.Open(path);
        var parser = ListParsers.All.Single(p => p.CanParse(file));
        var stamp = ListInputStamp.Of(path);
        var marker = new ListEntry { List = "UN-SC", ListId = "FROM-SNAPSHOT", Schema = EntitySchema.Person, Name = "Snapshot Only" };
        new ListSnapshotCache(snapshots.FullName).Write(ListLoader.SnapshotKey(parser, file), [stamp], new ParsedList("UN-SC", path, [marker], null, []));

        Assert.Equal("FROM-SNAPSHOT", Assert.Single(Load().Entries).ListId);
    }

    [Fact]
    public void A_changed_file_is_parsed_again()
    {
        var path = WriteUn(2);
        Assert.Equal(2, Load().Entries.Count);
        File.WriteAllText(path, UnXml(3));
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(5));
        Assert.Equal(3, Load().Entries.Count);
    }

    [Fact]
    public void A_corrupt_snapshot_is_ignored_and_rebuilt()
    {
        WriteUn(4);
        Load();
        var snap = Directory.GetFiles(snapshots.FullName, "*.snap").Single();
        var bytes = File.ReadAllBytes(snap);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(snap, bytes);
        Assert.Null(new ListSnapshotCache(snapshots.FullName).TryRead(ListLoader.SnapshotKey(new UnScXmlParser(), ListFile.Open(Path.Combine(lists.FullName, "consolidated.xml")))));

        var result = Load();
        Assert.Equal(4, result.Entries.Count);
        Assert.Empty(result.Problems);
        Assert.NotEqual(bytes, File.ReadAllBytes(snap));
        File.WriteAllBytes(snap, bytes[..10]); // torn write
        Assert.Equal(4, Load().Entries.Count);
    }

    [Fact]
    public void A_file_broken_after_a_clean_load_keeps_the_last_good_copy_and_says_where_it_broke()
    {
        var path = WriteUn(6);
        Assert.Equal(6, Load().Entries.Count);
        var text = File.ReadAllText(path);
        File.WriteAllText(path, text[..(text.Length / 2)]);

        var result = Load();
        Assert.Equal(6, result.Entries.Count);
        Assert.Contains(result.Problems, p => p.File.EndsWith("consolidated.xml", StringComparison.Ordinal) && p.Message.Contains("line", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Message.Contains("last good copy", StringComparison.Ordinal));

        // Fixed again: the new file is read, and nothing is reported.
        File.WriteAllText(path, UnXml(7));
        var fixedResult = Load();
        Assert.Equal(7, fixedResult.Entries.Count);
        Assert.Empty(fixedResult.Problems);
    }

    [Fact]
    public void Snapshots_of_files_that_are_gone_are_pruned()
    {
        var path = WriteUn(1);
        Load();
        File.Move(path, Path.Combine(lists.FullName, "renamed-consolidated.xml"));
        Load();
        var snap = Assert.Single(Directory.GetFiles(snapshots.FullName, "*.snap"));
        Assert.NotNull(new ListSnapshotCache(snapshots.FullName).TryRead(ListLoader.SnapshotKey(new UnScXmlParser(), ListFile.Open(Path.Combine(lists.FullName, "renamed-consolidated.xml")))));
        Assert.True(File.Exists(snap));
    }

    [Fact]
    public void Every_list_entry_property_is_kept_in_the_snapshot()
    {
        // A property added to ListEntry must be written to the snapshot too, or snapshots would drop it.
        var entry = new ListEntry
        {
            List = "UN-SC", ListId = "KPi.001", Schema = EntitySchema.Vessel, Name = "Name", Aliases = ["A", "B"], WeakAliases = ["W"],
            BirthDates = [FuzzyDate.Year(1960), FuzzyDate.Month(1961, 2), FuzzyDate.Day(new NodaTime.LocalDate(1962, 3, 4))],
            Nationalities = ["KP"], Identifiers = [new EntryIdentifier("imo", "1234567", "KP"), new EntryIdentifier("passport", "X1")],
            Addresses = ["Pyongyang"], Programs = ["DPRK"], ListedOn = FuzzyDate.Day(new NodaTime.LocalDate(2016, 3, 2)), SourceUrl = "https://example.org", Remarks = "R",
        };
        var path = WriteUn(1);
        var cache = new ListSnapshotCache(snapshots.FullName);
        Assert.True(cache.Write("k", [ListInputStamp.Of(path)], new ParsedList("UN-SC", path, [entry], FuzzyDate.Year(2026), [new ListProblem("f", "m")]) { Note = "n" }));
        var back = cache.TryRead("k")!.Parsed;
        Assert.Equal(Json([entry]), Json(back.Entries));
        Assert.Equal("n", back.Note);
        Assert.Equal("m", back.Problems.Single().Message);
        var written = typeof(ListEntry).GetProperties().Where(p => p.CanWrite).Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["Addresses", "Aliases", "BirthDates", "Identifiers", "List", "ListId", "ListedOn", "Name", "Nationalities", "Programs", "Remarks", "Schema", "SourceUrl", "WeakAliases"], written);
    }
}
