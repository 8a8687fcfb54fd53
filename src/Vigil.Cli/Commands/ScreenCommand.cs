using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;
using Sylvan.Data.Csv;
using Vigil.Model;
using Vigil.Screening;

namespace Vigil.Cli.Commands;

/// <summary>
/// `vigil screen NAME` / `vigil screen --file names.csv`: one name, or a batch, against every loaded
/// list, each candidate with its score, whether it reaches the threshold, and why.
/// </summary>
internal static class ScreenCommand
{
    public static Command Create()
    {
        var name = new Argument<string?>("name") { Description = "The name to screen (any script).", Arity = ArgumentArity.ZeroOrOne };
        var schema = new Option<string?>("--schema") { Description = "Person, Organization, Company or Vessel: only entries of that kind are candidates." };
        var dob = new Option<string?>("--dob") { Description = "Date of birth: 1984, 1984-01 or 1984-01-08." };
        var country = new Option<string?>("--country") { Description = "Nationality or country: ISO code (KP) or name." };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var file = new Option<string?>("--file") { Description = "CSV of names to screen: a 'name' column (else the first), optional 'schema', 'dob', 'country' columns." };
        var limit = new Option<int>("--limit") { Description = "Most candidates shown per name.", DefaultValueFactory = _ => 10 };
        var lists = CommonOptions.Lists();
        var command = new Command("screen", "Screen a name (or a CSV of names) against the sanctions lists, with the reason for each hit.")
            { name, schema, dob, country, format, file, limit, lists };
        command.SetAction(parse => Run(parse.GetValue(name), parse.GetValue(schema), parse.GetValue(dob), parse.GetValue(country),
            parse.GetValue(format)!, parse.GetValue(file), parse.GetValue(limit), parse.GetValue(lists)));
        return command;
    }

    private static int Run(string? name, string? schemaText, string? dobText, string? country, string format, string? file, int limit, string? listsOption)
    {
        var err = Console.Error;
        if (string.IsNullOrWhiteSpace(name) == (file is null))
        {
            err.WriteLine("error: give either a NAME to screen or --file names.csv (not both).");
            return 2;
        }
        if (!TryParseSchema(schemaText, out var schema, err) || !TryParseDate(dobText, out var dob, err)) return 2;
        var screener = LoadScreener(listsOption, err);
        if (screener is null) return 2;

        if (file is null)
        {
            var query = new ScreeningQuery(name!.Trim(), schema, dob, country);
            var hits = screener.Screen(query, limit);
            if (format == "json") Console.Out.WriteLine(JsonSerializer.Serialize(ToJson(query, hits), JsonOptions));
            else PrintTable(query, hits);
            return 0;
        }

        var queries = ReadBatch(file, schema, dob, country, err);
        if (queries is null) return 2;
        var results = new (ScreeningQuery Query, IReadOnlyList<SanctionHit> Hits)[queries.Count];
        // Progress goes to stderr so that stdout stays clean JSON or table output.
        var progressConsole = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        progressConsole.Progress().Start(ctx =>
        {
            var task = ctx.AddTask($"screening {queries.Count} names", maxValue: queries.Count);
            for (var i = 0; i < queries.Count; i++)
            {
                results[i] = (queries[i], screener.Screen(queries[i], limit));
                task.Increment(1);
            }
        });
        if (format == "json") Console.Out.WriteLine(JsonSerializer.Serialize(results.Select(r => ToJson(r.Query, r.Hits)), JsonOptions));
        else
        {
            var table = new Table().AddColumns("query", "best candidate", "list", "list id", "score", "match");
            foreach (var (query, hits) in results)
            {
                var best = hits.FirstOrDefault();
                table.AddRow(Markup.Escape(query.Name), Markup.Escape(best?.Name ?? "-"), best?.List ?? "", Markup.Escape(best?.ListId ?? ""),
                    best is null ? "" : best.Score.ToString("0.00", CultureInfo.InvariantCulture), best?.IsMatch == true ? "[red]MATCH[/]" : "");
            }
            AnsiConsole.Write(table);
        }
        err.WriteLine($"{results.Count(r => r.Hits.Any(h => h.IsMatch))} of {results.Length} names matched (threshold {screener.Threshold.ToString("0.00", CultureInfo.InvariantCulture)}).");
        return 0;
    }

    internal static Screener? LoadScreener(string? listsOption, TextWriter err)
    {
        string? directory;
        try { directory = ListSources.ResolveDirectory(listsOption); }
        catch (DirectoryNotFoundException e) { err.WriteLine($"error: {e.Message}"); return null; }
        if (directory is null)
        {
            err.WriteLine($"error: no sanctions lists found. Run `vigil lists update` to download them, or give --lists DIR / set {ListSources.EnvironmentVariable} to a folder of list files.");
            return null;
        }
        var loaded = ListLoader.Load(directory);
        foreach (var p in loaded.Problems) err.WriteLine($"warning: list {p.File}: {p.Message}");
        if (loaded.Entries.Count == 0)
        {
            err.WriteLine($"error: no list entries could be read from {directory}. Run `vigil lists update`, or point --lists at a folder of list files.");
            return null;
        }
        return new Screener(loaded.Entries);
    }

    private static bool TryParseSchema(string? text, out EntitySchema? schema, TextWriter err)
    {
        schema = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (Enum.TryParse<EntitySchema>(text.Trim(), ignoreCase: true, out var s) && s != EntitySchema.Location) { schema = s; return true; }
        err.WriteLine($"error: --schema '{text}' is not one of Person, Organization, Company, LegalEntity, Vessel.");
        return false;
    }

    private static bool TryParseDate(string? text, out FuzzyDate? date, TextWriter err)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (FuzzyDate.TryParse(text, out var d)) { date = d; return true; }
        err.WriteLine($"error: --dob '{text}' is not a date; write 1984, 1984-01 or 1984-01-08.");
        return false;
    }

    private static List<ScreeningQuery>? ReadBatch(string file, EntitySchema? schema, FuzzyDate? dob, string? country, TextWriter err)
    {
        if (!File.Exists(file))
        {
            err.WriteLine($"error: the names file '{file}' does not exist.");
            return null;
        }
        var queries = new List<ScreeningQuery>();
        try
        {
            using var csv = CsvDataReader.Create(file, new CsvDataReaderOptions { HasHeaders = true });
            int Column(string n) { try { return csv.GetOrdinal(n); } catch (IndexOutOfRangeException) { return -1; } }
            var nameColumn = Math.Max(0, Column("name"));
            var schemaColumn = Column("schema");
            var dobColumn = Column("dob");
            var countryColumn = Column("country");
            // Without a 'name' header the first line is a name too.
            if (Column("name") < 0 && csv.FieldCount > 0 && csv.GetName(0).Trim().Length > 0) queries.Add(new ScreeningQuery(csv.GetName(0).Trim(), schema, dob, country));
            var row = 1;
            while (csv.Read())
            {
                row++;
                var n = csv.GetString(nameColumn).Trim();
                if (n.Length == 0) continue;
                var rowSchema = schema;
                if (schemaColumn >= 0 && Enum.TryParse<EntitySchema>(csv.GetString(schemaColumn).Trim(), true, out var s)) rowSchema = s;
                var rowDob = dob;
                if (dobColumn >= 0 && FuzzyDate.TryParse(csv.GetString(dobColumn), out var d)) rowDob = d;
                var rowCountry = countryColumn >= 0 && csv.GetString(countryColumn).Trim() is { Length: > 0 } c ? c : country;
                queries.Add(new ScreeningQuery(n, rowSchema, rowDob, rowCountry));
            }
        }
        catch (Exception e) when (e is IOException or CsvFormatException or UnauthorizedAccessException)
        {
            err.WriteLine($"error: the names file '{file}' could not be read: {e.Message}");
            return null;
        }
        if (queries.Count == 0) err.WriteLine($"warning: the names file '{file}' has no names.");
        return queries;
    }

    private static void PrintTable(ScreeningQuery query, IReadOnlyList<SanctionHit> hits)
    {
        if (hits.Count == 0)
        {
            AnsiConsole.MarkupLine($"No candidates for [bold]{Markup.Escape(query.Name)}[/].");
            return;
        }
        var table = new Table().Title($"Screening: {Markup.Escape(query.Name)}").AddColumns("list", "list id", "name", "score", "match", "explanation");
        foreach (var h in hits)
            table.AddRow(h.List, Markup.Escape(h.ListId), Markup.Escape(h.Name), h.Score.ToString("0.00", CultureInfo.InvariantCulture),
                h.IsMatch ? "[red]MATCH[/]" : "", Markup.Escape(h.Explanation));
        AnsiConsole.Write(table);
    }

    internal static ScreenResultJson ToJson(ScreeningQuery query, IReadOnlyList<SanctionHit> hits) =>
        new(query.Name, hits.Select(h => new ScreenHitJson(h.List, h.ListId, h.Name, Math.Round(h.Score, 4), h.IsMatch, h.Explanation)).ToList());

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

/// <summary>The JSON shape of `vigil screen --format json` (fixed: other tools read it).</summary>
internal sealed record ScreenResultJson(
    [property: JsonPropertyName("query")] string Query,
    [property: JsonPropertyName("results")] IReadOnlyList<ScreenHitJson> Results);

internal sealed record ScreenHitJson(
    [property: JsonPropertyName("list")] string List,
    [property: JsonPropertyName("list_id")] string ListId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("match")] bool Match,
    [property: JsonPropertyName("explanation")] string Explanation);
