using System.Globalization;
using System.Text.Json;
using Vigil.Model;
using Vigil.Screening;
using Vigil.Server.Hosting;

namespace Vigil.Server.Api;

/// <summary>
/// yente-compatible matching: <c>POST /match/{dataset}</c>, <c>GET /search/{dataset}</c> and
/// <c>GET /entities/{id}</c>, with yente's request and response shapes and its defaults and limits.
/// </summary>
internal static class YenteEndpoints
{
    // yente's settings: MATCH_PAGE, MAX_MATCHES, MAX_BATCH, MAX_PAGE.
    public const int DefaultMatchLimit = 5;
    public const int MaxMatchLimit = 500;
    public const int MaxBatch = 100;
    public const int MaxSearchLimit = 500;

    /// <summary>Results scoring below this are not returned at all (yente's cutoff).</summary>
    public const double DefaultCutoff = 0.5;

    public static void Map(IEndpointRouteBuilder app)
    {
        var yente = app.MapGroup("").WithTags("yente").RequireRateLimiting(RateLimits.Read);
        yente.MapPost("/match/{dataset}", Match).WithSummary("Query-by-example matching (yente-compatible)").Accepts<YenteMatchRequestDoc>("application/json")
            .Produces<YenteMatchResponse>();
        yente.MapGet("/search/{dataset}", Search).WithSummary("Simple entity search by name (yente-compatible)").Produces<YenteSearchResponse>();
        yente.MapGet("/entities/{id}", GetEntity).WithSummary("One list entry as an FtM entity (yente-compatible)").Produces<YenteEntity>();
    }

    /// <summary>For the OpenAPI document only: the body of POST /match.</summary>
    public sealed record YenteMatchRequestDoc(IReadOnlyDictionary<string, YenteExample> Queries, IReadOnlyDictionary<string, double>? Weights);

    private static async Task<IResult> Match(HttpRequest request, string dataset, CatalogHolder holder, CancellationToken ct)
    {
        var catalog = holder.Catalog;
        if (!catalog.HasDataset(dataset)) return YenteErrors.Detail(404, "No such dataset.");
        var q = request.Query;
        var errors = new List<YenteFieldError>();
        var limit = IntParam(q["limit"], "limit", DefaultMatchLimit, errors);
        if (limit > MaxMatchLimit) errors.Add(new(["query", "limit"], $"Input should be less than or equal to {MaxMatchLimit}", "less_than_equal"));
        var threshold = DoubleParam(q["threshold"], "threshold", errors);
        var cutoff = DoubleParam(q["cutoff"], "cutoff", errors) ?? DefaultCutoff;
        if (errors.Count > 0) return YenteErrors.Invalid(errors);
        limit = Math.Max(1, limit);
        if (threshold is { } t) cutoff = Math.Min(cutoff, t);

        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(request.Body, default, ct);
        }
        catch (JsonException e)
        {
            return YenteErrors.Invalid(new YenteFieldError(["body", e.BytePositionInLine?.ToString(CultureInfo.InvariantCulture) ?? "0"], $"JSON decode error: {e.Message}", "json_invalid"));
        }
        using (body)
        {
            var parsed = ParseMatchBody(body.RootElement, errors);
            if (errors.Count > 0) return YenteErrors.Invalid(errors);
            if (parsed.Count > MaxBatch) return YenteErrors.Detail(400, $"Too many queries in one batch (limit: {MaxBatch})");
            if (parsed.Count == 0) return YenteErrors.Detail(400, "No queries provided.");

            var responses = new Dictionary<string, YenteMatches>(StringComparer.Ordinal);
            var features = new Dictionary<string, YenteFeatureDoc>(StringComparer.Ordinal);
            foreach (var (key, example) in parsed)
            {
                if (!Enum.TryParse<EntitySchema>(example.Schema, ignoreCase: false, out var schema))
                    return YenteErrors.Detail(400, $"Cannot parse example entity: invalid schema '{example.Schema}' in query '{key}'; use one of {string.Join(", ", Enum.GetNames<EntitySchema>())}.");
                var names = Values(example, "name");
                if (names.Count == 0)
                    return YenteErrors.Detail(400, $"Cannot parse example entity: query '{key}' has no 'name' property; give at least one name.");
                var hits = await catalog.OnFreeCore(() => ScreenAll(catalog, dataset, schema, names, example, limit, cutoff), ct);
                var results = hits.Select(h =>
                {
                    var id = catalog.IdOf(h) ?? ScreeningCatalog.EntityIdOf(h.List, h.ListId);
                    return YenteMapping.ScoredOf(id, catalog.EntryOf(h), h, threshold is { } th ? h.Score >= th : h.IsMatch);
                }).ToList();
                foreach (var f in hits.SelectMany(h => h.Features))
                    features.TryAdd(f.Name, new YenteFeatureDoc(FeatureDescription(f.Name), 1.0));
                responses[key] = new YenteMatches(200, results, new YenteTotal(results.Count), example);
            }
            request.HttpContext.Response.Headers["x-batch-size"] = responses.Count.ToString(CultureInfo.InvariantCulture);
            return Results.Json(new YenteMatchResponse(responses, features, limit));
        }
    }

    private static IResult Search(HttpRequest request, string dataset, CatalogHolder holder)
    {
        var catalog = holder.Catalog;
        if (!catalog.HasDataset(dataset)) return YenteErrors.Detail(404, "No such dataset.");
        var q = request.Query;
        var errors = new List<YenteFieldError>();
        var limit = IntParam(q["limit"], "limit", 10, errors);
        var offset = IntParam(q["offset"], "offset", 0, errors);
        if (limit > MaxSearchLimit) errors.Add(new(["query", "limit"], $"Input should be less than or equal to {MaxSearchLimit}", "less_than_equal"));
        if (errors.Count > 0) return YenteErrors.Invalid(errors);
        EntitySchema? schema = null;
        var schemaText = q["schema"].ToString();
        if (!string.IsNullOrEmpty(schemaText) && schemaText != "Thing")
        {
            if (!Enum.TryParse<EntitySchema>(schemaText, ignoreCase: false, out var s)) return YenteErrors.Detail(400, "Invalid schema");
            schema = s;
        }
        var text = q["q"].ToString().Trim();
        limit = Math.Max(0, limit);
        offset = Math.Max(0, offset);
        var results = new List<YenteEntity>();
        if (text.Length > 0)
        {
            var hits = catalog.Screen(new ScreeningQuery(text, schema), dataset, offset + limit, DefaultCutoff);
            foreach (var h in hits.Skip(offset))
                if (catalog.IdOf(h) is { } id && catalog.Find(id) is { } entry && (schema is null || entry.Schema == schema || MatchesSchema(schema.Value, entry.Schema)))
                    results.Add(YenteMapping.EntityOf(id, entry));
        }
        return Results.Json(new YenteSearchResponse(results, new Dictionary<string, object>(), new YenteTotal(results.Count + offset), limit, offset));
    }

    private static IResult GetEntity(string id, CatalogHolder holder)
    {
        var entry = holder.Catalog.Find(id);
        return entry is null ? YenteErrors.Detail(404, "No such entity!") : Results.Json(YenteMapping.EntityOf(id, entry));
    }

    private static bool MatchesSchema(EntitySchema wanted, EntitySchema actual) =>
        wanted == EntitySchema.LegalEntity && actual is not (EntitySchema.Vessel or EntitySchema.Location);

    /// <summary>Screens every name of the example and keeps each list entry's best hit.</summary>
    private static List<SanctionHit> ScreenAll(ScreeningCatalog catalog, string dataset, EntitySchema schema, IReadOnlyList<string> names, YenteExample example, int limit, double cutoff)
    {
        FuzzyDate? birth = null;
        foreach (var d in Values(example, "birthDate"))
            if (FuzzyDate.TryParse(d, out var fd)) { birth = fd; break; }
        var country = Values(example, "nationality").Concat(Values(example, "country")).Concat(Values(example, "jurisdiction")).Concat(Values(example, "flag")).FirstOrDefault();
        var identifiers = new List<EntryIdentifier>();
        foreach (var prop in new[] { "idNumber", "passportNumber", "registrationNumber", "taxNumber", "imoNumber", "mmsi", "swiftBic" })
            identifiers.AddRange(Values(example, prop).Select(v => new EntryIdentifier(prop, v)));
        var best = new Dictionary<(string, string), SanctionHit>();
        foreach (var name in names.Take(10))
        {
            var query = new ScreeningQuery(name, schema, birth, country, identifiers);
            foreach (var h in catalog.Screen(query, dataset, limit, cutoff))
                if (!best.TryGetValue((h.List, h.ListId), out var b) || h.Score > b.Score) best[(h.List, h.ListId)] = h;
        }
        return best.Values.OrderByDescending(h => h.Score).ThenBy(h => h.List, StringComparer.Ordinal).ThenBy(h => h.ListId, StringComparer.Ordinal).Take(limit).ToList();
    }

    private static IReadOnlyList<string> Values(YenteExample example, string property) =>
        example.Properties.TryGetValue(property, out var v) ? v : [];

    /// <summary>Validates the body of POST /match the way yente's pydantic model does.</summary>
    internal static List<KeyValuePair<string, YenteExample>> ParseMatchBody(JsonElement root, List<YenteFieldError> errors)
    {
        var result = new List<KeyValuePair<string, YenteExample>>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(["body"], "Input should be a valid dictionary or object to extract fields from", "model_attributes_type"));
            return result;
        }
        if (!root.TryGetProperty("queries", out var queries))
        {
            errors.Add(new(["body", "queries"], "Field required", "missing"));
            return result;
        }
        if (queries.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(["body", "queries"], "Input should be a valid dictionary", "dict_type"));
            return result;
        }
        if (root.TryGetProperty("weights", out var weights) && weights.ValueKind != JsonValueKind.Object)
            errors.Add(new(["body", "weights"], "Input should be a valid dictionary", "dict_type"));
        foreach (var q in queries.EnumerateObject())
        {
            string[] at = ["body", "queries", q.Name];
            if (q.Value.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new(at, "Input should be a valid dictionary or object to extract fields from", "model_attributes_type"));
                continue;
            }
            string? schema = null;
            if (!q.Value.TryGetProperty("schema", out var s)) errors.Add(new([.. at, "schema"], "Field required", "missing"));
            else if (s.ValueKind != JsonValueKind.String) errors.Add(new([.. at, "schema"], "Input should be a valid string", "string_type"));
            else schema = s.GetString();
            string? id = q.Value.TryGetProperty("id", out var idEl) && idEl.ValueKind == JsonValueKind.String ? idEl.GetString() : null;
            var props = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            if (!q.Value.TryGetProperty("properties", out var p)) errors.Add(new([.. at, "properties"], "Field required", "missing"));
            else if (p.ValueKind != JsonValueKind.Object) errors.Add(new([.. at, "properties"], "Input should be a valid dictionary", "dict_type"));
            else
            {
                foreach (var prop in p.EnumerateObject())
                {
                    var values = new List<string>();
                    if (prop.Value.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var v in prop.Value.EnumerateArray())
                            if (Scalar(v) is { } text) values.Add(text);
                            else errors.Add(new([.. at, "properties", prop.Name], "Input should be a string or a list of strings", "string_type"));
                    }
                    else if (Scalar(prop.Value) is { } one) values.Add(one);
                    else errors.Add(new([.. at, "properties", prop.Name], "Input should be a string or a list of strings", "string_type"));
                    var cleaned = values.Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
                    if (cleaned.Count > 0) props[prop.Name] = cleaned;
                }
            }
            if (schema is not null) result.Add(new(q.Name, new YenteExample(id, schema, props)));
        }
        return result;
    }

    private static string? Scalar(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.GetRawText(),
        _ => null,
    };

    private static int IntParam(Microsoft.Extensions.Primitives.StringValues raw, string name, int fallback, List<YenteFieldError> errors)
    {
        if (raw.Count == 0 || string.IsNullOrEmpty(raw[0])) return fallback;
        if (int.TryParse(raw[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) return v;
        errors.Add(new(["query", name], "Input should be a valid integer, unable to parse string as an integer", "int_parsing"));
        return fallback;
    }

    private static double? DoubleParam(Microsoft.Extensions.Primitives.StringValues raw, string name, List<YenteFieldError> errors)
    {
        if (raw.Count == 0 || string.IsNullOrEmpty(raw[0])) return null;
        if (double.TryParse(raw[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)) return v;
        errors.Add(new(["query", name], "Input should be a valid number, unable to parse string as a number", "float_parsing"));
        return null;
    }

    private static string FeatureDescription(string name) => name switch
    {
        "name" => "How closely the names agree, after normalisation and transliteration.",
        "birth_date" => "Agreement (positive) or conflict (negative) of the dates of birth.",
        "country" or "nationality" => "Agreement or conflict of nationality or country.",
        "identifier" => "A shared identifier (passport, registration, IMO number).",
        _ => $"Vigil matcher feature '{name}'.",
    };
}
