using Sylvan.Data.Csv;
using Vigil.Model;

namespace Vigil.Screening.Lists;

/// <summary>
/// OFAC's legacy CSV set: sdn.csv (or cons_prim.csv for the consolidated non-SDN list) with its
/// companions alt.csv, add.csv and sdn_comments.csv, joined on ent_num. No header row; "-0-" is empty.
/// When the primary file's folder has no alt.csv, aliases and addresses are taken from an alias-only
/// set elsewhere under the lists folder (a folder with alt.csv but no sdn.csv), joined strictly on
/// ent_num; its rows for entries the primary file does not have are counted and left out.
/// </summary>
public sealed class OfacCsvParser : IListParser
{
    public const string SdnList = "US-OFAC";
    public const string ConsolidatedList = "US-OFAC-CONS";
    public const string SdnUrl = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV";
    public const string ConsolidatedUrl = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_PRIM.CSV";

    private static readonly string[] SdnCompanions = ["alt.csv", "add.csv", "sdn_comments.csv"];
    private static readonly string[] ConsCompanions = ["cons_alt.csv", "cons_add.csv", "cons_comments.csv"];

    public string Format => "OFAC legacy CSV set";

    public bool CanParse(ListFile file) => IsPrimaryName(file.FileName) && LooksLikeOfacRow(file.Head);

    private static bool IsPrimaryName(string name) =>
        name.Equals("sdn.csv", StringComparison.OrdinalIgnoreCase) || name.Equals("cons_prim.csv", StringComparison.OrdinalIgnoreCase);

    private static bool LooksLikeOfacRow(string head)
    {
        var comma = head.IndexOf(',');
        return comma > 0 && head[..comma].Trim().All(char.IsAsciiDigit);
    }

    public IReadOnlyList<string> Inputs(ListFile file, IReadOnlyList<ListFile> allFiles)
    {
        var consolidated = file.FileName.Equals("cons_prim.csv", StringComparison.OrdinalIgnoreCase);
        return [file.Path, .. (consolidated ? ConsCompanions : SdnCompanions).Select(c => Companion(file, c, allFiles, consolidated ? null : "alt-only")).OfType<string>()];
    }

    public ParsedList Parse(ListFile file, IReadOnlyList<ListFile> allFiles)
    {
        var consolidated = file.FileName.Equals("cons_prim.csv", StringComparison.OrdinalIgnoreCase);
        var list = consolidated ? ConsolidatedList : SdnList;
        var companions = consolidated ? ConsCompanions : SdnCompanions;
        var problems = new List<ListProblem>();
        var primary = new List<string[]>();
        ReadRows(file.Path, 12, primary, problems);
        if (primary.Count == 0)
        {
            problems.Add(new ListProblem(file.Path, "no OFAC records could be read; re-download the file (vigil lists update)"));
            return new ParsedList(list, file.Path, [], null, problems);
        }

        var altPath = Companion(file, companions[0], allFiles, consolidated ? null : "alt-only");
        var addPath = Companion(file, companions[1], allFiles, consolidated ? null : "alt-only");
        var commentsPath = Companion(file, companions[2], allFiles, consolidated ? null : "alt-only");
        var known = primary.Select(r => r[0]).ToHashSet(StringComparer.Ordinal);
        var aliases = GroupRows(altPath, 5, problems, known, out var orphanAliases);
        var addresses = GroupRows(addPath, 6, problems, known, out _);
        var comments = GroupComments(commentsPath, known);

        var entries = new List<ListEntry>(primary.Count);
        foreach (var row in primary)
        {
            var entNum = row[0];
            var remarks = Field(row[11]);
            if (comments.TryGetValue(entNum, out var extra)) remarks = string.Concat(remarks, string.Concat(extra.Select(c => Field(c[1]))));
            var strong = new List<string>();
            if (aliases.TryGetValue(entNum, out var alts))
                foreach (var a in alts) if (Field(a[3]) is { Length: > 0 } n) strong.Add(n);
            var identifiers = RemarksParser.Identifiers(remarks).ToList();
            if (Field(row[5]) is { Length: > 0 } callSign) identifiers.Add(new EntryIdentifier("call_sign", callSign));
            var type = Field(row[2]);
            var schema = type?.ToLowerInvariant() switch
            {
                "individual" => EntitySchema.Person,
                "vessel" => EntitySchema.Vessel,
                "aircraft" => EntitySchema.LegalEntity,
                _ => EntitySchema.Organization,
            };
            var nationalities = RemarksParser.Nationalities(remarks).ToList();
            if (schema == EntitySchema.Vessel && Field(row[9]) is { } flag) nationalities.Add(CountryLookup.CodeOrName(flag));
            entries.Add(new ListEntry
            {
                List = list,
                ListId = entNum,
                Schema = schema,
                Name = Field(row[1]) ?? "",
                Aliases = strong.Distinct().ToList(),
                WeakAliases = RemarksParser.WeakAliases(remarks),
                BirthDates = RemarksParser.BirthDates(remarks),
                Nationalities = nationalities.Distinct().ToList(),
                Identifiers = identifiers,
                Addresses = addresses.TryGetValue(entNum, out var adds)
                    ? adds.Select(a => string.Join(", ", a.Skip(2).Take(3).Select(Field).Where(s => s is { Length: > 0 }))).Where(s => s.Length > 0).ToList()
                    : [],
                Programs = (Field(row[3]) ?? "").Split("] [", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(p => p.Trim('[', ']')).ToList(),
                SourceUrl = consolidated ? ConsolidatedUrl : SdnUrl,
                Remarks = remarks,
            });
        }
        entries.RemoveAll(e => e.Name.Length == 0);
        var note = altPath is not null && Path.GetDirectoryName(altPath) != file.Directory
            ? $"aliases from {altPath} joined on ent_num; {orphanAliases} alias rows for entries not in this file left out"
            : null;
        return new ParsedList(list, file.Path, entries, null, problems) { Note = note };
    }

    /// <summary>The companion beside the primary file, else (for the SDN) the one in an alias-only folder.</summary>
    private static string? Companion(ListFile primary, string name, IReadOnlyList<ListFile> allFiles, string? fallback)
    {
        var beside = Path.Combine(primary.Directory, name);
        var sameFolderHasAliases = File.Exists(Path.Combine(primary.Directory, "alt.csv")) || File.Exists(Path.Combine(primary.Directory, "cons_alt.csv"));
        if (File.Exists(beside)) return beside;
        if (fallback is null || sameFolderHasAliases) return null;
        // An alias-only set: a folder with this companion and no primary file of its own. The newest
        // such folder (by highest ent_num it mentions) is the one that covers most current entries.
        return allFiles
            .Where(f => f.FileName.Equals(name, StringComparison.OrdinalIgnoreCase)
                        && !File.Exists(Path.Combine(f.Directory, "sdn.csv")))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .Select(f => f.Path)
            .LastOrDefault();
    }

    private static Dictionary<string, List<string[]>> GroupRows(string? path, int fields, List<ListProblem> problems, HashSet<string> known, out int orphans)
    {
        orphans = 0;
        var result = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        if (path is null) return result;
        var rows = new List<string[]>();
        ReadRows(path, fields, rows, problems);
        foreach (var row in rows)
        {
            if (!known.Contains(row[0])) { orphans++; continue; }
            if (!result.TryGetValue(row[0], out var list)) result[row[0]] = list = [];
            list.Add(row);
        }
        return result;
    }

    /// <summary>
    /// sdn_comments.csv holds free-text overflow of the Remarks field, with quotes and commas that are
    /// not always CSV-escaped; it is read as "ent_num,text" lines, continuation lines appended.
    /// </summary>
    private static Dictionary<string, List<string[]>> GroupComments(string? path, HashSet<string> known)
    {
        var result = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        if (path is null) return result;
        string? current = null;
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim('\u001a');
            var comma = line.IndexOf(',');
            if (comma > 0 && line[..comma].Trim().All(char.IsAsciiDigit))
            {
                current = line[..comma].Trim();
                if (!known.Contains(current)) { current = null; continue; }
                if (!result.TryGetValue(current, out var list)) result[current] = list = [];
                list.Add([current, line[(comma + 1)..].Trim().Trim('"')]);
            }
            else if (current is not null && line.Trim().Length > 0)
            {
                var list = result[current];
                list[^1][1] += " " + line.Trim().Trim('"');
            }
        }
        return result;
    }

    private static void ReadRows(string path, int minFields, List<string[]> rows, List<ListProblem> problems)
    {
        try
        {
            using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });
            using var csv = CsvDataReader.Create(reader, new CsvDataReaderOptions { HasHeaders = false, MaxBufferSize = 1 << 22 });
            var record = 0;
            var bad = 0;
            while (csv.Read())
            {
                record++;
                // The files end with a DOS end-of-file byte (0x1A) on a line of its own.
                if (csv.GetString(0).Trim('\u001a', ' ', '\r', '\n').Length == 0) continue;
                if (csv.FieldCount < minFields || !int.TryParse(csv.GetString(0).Trim(), out _))
                {
                    if (bad++ < 5) problems.Add(new ListProblem(path, $"record {record}: expected {minFields} comma-separated fields starting with a numeric ent_num, found {csv.FieldCount}; record skipped"));
                    continue;
                }
                var row = new string[csv.FieldCount];
                for (var i = 0; i < row.Length; i++) row[i] = csv.GetString(i);
                row[0] = row[0].Trim();
                rows.Add(row);
            }
            if (bad > 5) problems.Add(new ListProblem(path, $"{bad} malformed records in all"));
        }
        catch (Exception e) when (e is IOException or CsvFormatException or UnauthorizedAccessException)
        {
            problems.Add(new ListProblem(path, $"record {rows.Count + 1}: {e.Message}; {rows.Count} records read before it were kept"));
        }
    }

    private static string? Field(string value)
    {
        var v = value.Trim();
        return v.Length == 0 || v == "-0-" ? null : v;
    }
}
