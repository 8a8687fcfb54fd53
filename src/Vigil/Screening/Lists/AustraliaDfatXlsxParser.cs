using Vigil.Model;

namespace Vigil.Screening.Lists;

/// <summary>
/// Australia's DFAT Consolidated List, official XLSX (regulation8_consolidated.xlsx): one row per
/// name (Primary Name, aka, Original Script), grouped into one designation by the numeric part of
/// the Reference ("3", "3a", "3b"). Labels are normalised (trimmed, case-folded) because the sheet
/// is not consistent ("Entity " with a space, "Primary name" and "Primary Name").
/// </summary>
public sealed class AustraliaDfatXlsxParser : IListParser
{
    public const string ListName = "AU";
    public const string SourceUrl = "https://www.dfat.gov.au/sites/default/files/regulation8_consolidated.xlsx";

    public string Format => "Australia DFAT consolidated XLSX";

    public bool CanParse(ListFile file) =>
        file.Head.StartsWith("PK", StringComparison.Ordinal) && file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
        && (file.FileName.Contains("consolidated", StringComparison.OrdinalIgnoreCase) || file.FileName.Contains("dfat", StringComparison.OrdinalIgnoreCase));

    public ParsedList Parse(ListFile file, IReadOnlyList<ListFile> allFiles)
    {
        var problems = new List<ListProblem>();
        var groups = new Dictionary<string, List<string?[]>>(StringComparer.Ordinal);
        var order = new List<string>();
        Columns? columns = null;
        FuzzyDate? newest = null;
        try
        {
            foreach (var (row, cells) in XlsxSheet.ReadFirstSheet(file.Path))
            {
                if (columns is null)
                {
                    var names = cells.Select((c, i) => (Name: Norm(c), i)).Where(c => c.Name.Length > 0).GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.First().i);
                    foreach (var required in new[] { "reference", "name of individual or entity", "type", "name type" })
                        if (!names.ContainsKey(required)) return ParsedList.Failed(ListName, file.Path, $"row {row}: no '{required}' column; is this the DFAT consolidated list?");
                    columns = new Columns(names);
                    continue;
                }
                var reference = columns.Get(cells, "reference");
                if (string.IsNullOrWhiteSpace(reference) || string.IsNullOrWhiteSpace(columns.Get(cells, "name of individual or entity"))) continue;
                var key = new string(reference.Trim().TakeWhile(char.IsAsciiDigit).ToArray());
                if (key.Length == 0) { problems.Add(new ListProblem(file.Path, $"row {row}: reference '{reference}' has no number; row skipped")); continue; }
                if (!groups.TryGetValue(key, out var list)) { groups[key] = list = []; order.Add(key); }
                list.Add(cells);
                if (columns.Get(cells, "control date") is { } control && ControlDate(control) is { } d && (newest is null || d.Value > newest.Value.Value)) newest = d;
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Xml.XmlException)
        {
            return ParsedList.Failed(ListName, file.Path, $"the workbook could not be read ({e.Message}); re-download it (vigil lists update)");
        }
        if (columns is null) return ParsedList.Failed(ListName, file.Path, "the workbook's first sheet is empty");
        var entries = order.Select(k => ToEntry(k, groups[k], columns)).Where(e => e is not null).Select(e => e!).ToList();
        return new ParsedList(ListName, file.Path, entries, newest, problems);
    }

    /// <summary>Where each (normalised) column label is in a row.</summary>
    private sealed class Columns(Dictionary<string, int> byName)
    {
        public string? Get(string?[] row, string column) => byName.TryGetValue(column, out var i) && i < row.Length ? row[i] : null;
    }

    private static ListEntry? ToEntry(string reference, List<string?[]> rows, Columns columns)
    {
        string? Get(string?[] row, string column) => columns.Get(row, column);
        var primary = rows.FirstOrDefault(r => Norm(Get(r, "name type")) == "primary name") ?? rows[0];
        var name = Get(primary, "name of individual or entity")!.Trim();
        var aliases = new List<string>();
        foreach (var r in rows)
        {
            var n = Get(r, "name of individual or entity")?.Trim();
            if (n is null || n == name) continue;
            aliases.Add(n);
        }
        var type = Norm(Get(primary, "type"));
        var dobs = rows.Select(r => Get(r, "date of birth")).Where(d => d is not null).SelectMany(d => d!.Split([',', ';'], StringSplitOptions.TrimEntries))
            .Select(d => XmlRecords.Date(d)).Where(d => d is not null).Select(d => d!.Value).Distinct().ToList();
        var citizenship = rows.Select(r => Get(r, "citizenship")).Where(c => !string.IsNullOrWhiteSpace(c))
            .SelectMany(c => c!.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).Select(CountryLookup.CodeOrName).Distinct().ToList();
        var info = Get(primary, "additional information");
        return new ListEntry
        {
            List = ListName,
            ListId = reference,
            Schema = type == "individual" ? EntitySchema.Person : info?.Contains("IMO", StringComparison.Ordinal) == true && type == "entity" && info.Contains("vessel", StringComparison.OrdinalIgnoreCase) ? EntitySchema.Vessel : EntitySchema.Organization,
            Name = name,
            Aliases = aliases.Distinct().ToList(),
            BirthDates = dobs,
            Nationalities = citizenship,
            Identifiers = RemarksParser.Identifiers(info),
            Addresses = rows.Select(r => Get(r, "address")).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a!.Trim()).Distinct().ToList(),
            Programs = rows.Select(r => Get(r, "committees")).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!.Trim()).Distinct().ToList(),
            SourceUrl = SourceUrl,
            Remarks = info,
        };
    }

    private static FuzzyDate? ControlDate(string text)
    {
        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 80000)
        {
            var d = DateTime.FromOADate(serial);
            return FuzzyDate.Day(new NodaTime.LocalDate(d.Year, d.Month, d.Day));
        }
        return XmlRecords.Date(text);
    }

    private static string Norm(string? s) => (s ?? "").Trim().ToLowerInvariant();
}
