using Sylvan.Data.Csv;
using Vigil.Model;

namespace Vigil.Screening.Lists;

/// <summary>
/// OFSI's Consolidated List of Financial Sanctions Targets, CSV (2022 format, ConList.csv): a
/// "Last Updated" line, then a header row (Name 6 = surname, Name 1..5, DOB, Nationality,
/// Passport Number, Group Type, Alias Type, Alias Quality, Regime, Listed On, Group ID); one row per
/// name, grouped into designations by Group ID.
/// </summary>
public sealed class UkOfsiCsvParser : IListParser
{
    public const string SourceUrl = "https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.csv";

    public string Format => "UK OFSI consolidated CSV";

    public bool CanParse(ListFile file) =>
        file.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && file.Head.Contains("Name 6", StringComparison.Ordinal) && file.Head.Contains("Group ID", StringComparison.Ordinal);

    public ParsedList Parse(ListFile file, IReadOnlyList<ListFile> allFiles)
    {
        var problems = new List<ListProblem>();
        var groups = new Dictionary<string, List<Dictionary<string, string>>>(StringComparer.Ordinal);
        var order = new List<string>();
        FuzzyDate? published = null;
        try
        {
            using var text = new StreamReader(file.Path);
            var first = text.ReadLine() ?? "";
            if (first.StartsWith("Last Updated", StringComparison.OrdinalIgnoreCase)) published = XmlRecords.Date(first.Split(',').ElementAtOrDefault(1));
            else return ParsedList.Failed(UkSanctionsXmlParser.ListName, file.Path, "line 1: expected 'Last Updated,DATE'; is this OFSI's ConList.csv?");
            using var csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true });
            var headers = Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToList();
            if (!headers.Contains("Group ID") || !headers.Contains("Name 6"))
                return ParsedList.Failed(UkSanctionsXmlParser.ListName, file.Path, "line 2: the header has no 'Group ID' or 'Name 6' column");
            var line = 2;
            while (csv.Read())
            {
                line++;
                var row = headers.Select((h, i) => (h, v: csv.GetString(i).Trim())).GroupBy(x => x.h).ToDictionary(g => g.Key, g => g.First().v);
                var group = row["Group ID"];
                if (group.Length == 0) { problems.Add(new ListProblem(file.Path, $"line {line}: no Group ID; row skipped")); continue; }
                if (!groups.TryGetValue(group, out var rows)) { groups[group] = rows = []; order.Add(group); }
                rows.Add(row);
            }
        }
        catch (Exception e) when (e is IOException or CsvFormatException)
        {
            problems.Add(new ListProblem(file.Path, $"{e.Message}; {order.Count} designations read before it were kept"));
        }
        var entries = order.Select(g => ToEntry(g, groups[g])).ToList();
        return new ParsedList(UkSanctionsXmlParser.ListName, file.Path, entries, published, problems);
    }

    private static ListEntry ToEntry(string group, List<Dictionary<string, string>> rows)
    {
        static string Name(Dictionary<string, string> r) =>
            string.Join(' ', new[] { "Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Name 6" }.Select(c => r.GetValueOrDefault(c, "")).Where(s => s.Length > 0));
        static string Get(Dictionary<string, string> r, string c) => r.GetValueOrDefault(c, "");
        var primary = rows.FirstOrDefault(r => Get(r, "Alias Type").StartsWith("Primary name", StringComparison.OrdinalIgnoreCase) && !Get(r, "Alias Type").Contains("variation", StringComparison.OrdinalIgnoreCase)) ?? rows[0];
        var name = Name(primary);
        var type = Get(primary, "Group Type").ToLowerInvariant();
        return new ListEntry
        {
            List = UkSanctionsXmlParser.ListName,
            ListId = group,
            Schema = type == "individual" ? EntitySchema.Person : type == "ship" ? EntitySchema.Vessel : EntitySchema.Organization,
            Name = name,
            Aliases = rows.Where(r => !Get(r, "Alias Quality").StartsWith("Low", StringComparison.OrdinalIgnoreCase)).Select(Name)
                .Concat(rows.Select(r => Get(r, "Name Non-Latin Script"))).Where(n => n.Length > 0 && n != name).Distinct().ToList(),
            WeakAliases = rows.Where(r => Get(r, "Alias Quality").StartsWith("Low", StringComparison.OrdinalIgnoreCase)).Select(Name).Where(n => n.Length > 0 && n != name).Distinct().ToList(),
            BirthDates = rows.Select(r => XmlRecords.Date(Get(r, "DOB"))).Where(d => d is not null).Select(d => d!.Value).Distinct().ToList(),
            Nationalities = rows.SelectMany(r => Get(r, "Nationality").Split(['(', ')', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Where(n => n.Length > 1 && !char.IsDigit(n[0])).Select(CountryLookup.CodeOrName).Distinct().ToList(),
            Identifiers = rows.Select(r => Get(r, "Passport Number")).Where(p => p.Length > 0).Select(p => new EntryIdentifier("passport", p))
                .Concat(rows.Select(r => Get(r, "National Identification Number")).Where(p => p.Length > 0).Select(p => new EntryIdentifier("national_id", p))).Distinct().ToList(),
            Programs = rows.Select(r => Get(r, "Regime")).Where(p => p.Length > 0).Distinct().ToList(),
            ListedOn = XmlRecords.Date(Get(primary, "Listed On")),
            SourceUrl = SourceUrl,
            Remarks = Get(primary, "Other Information") is { Length: > 0 } info ? info : null,
        };
    }
}
