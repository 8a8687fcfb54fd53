using System.Data;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using NodaTime.Text;
using Vigil.Model;
using Vigil.Model.Wire;

namespace Vigil.Storage;

/// <summary>
/// The embedded default store: one SQLite file. WAL mode so a reader (the web UI) never blocks
/// the writer; every write is one transaction, so a crash leaves either the old or the new state.
/// </summary>
public sealed class SqliteStore : IStore
{
    private readonly SqliteConnection _connection;

    public string Path { get; }

    public SqliteStore(string path)
    {
        Path = path;
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        try
        {
            _connection.Open();
            // synchronous=NORMAL under WAL: a process crash loses nothing committed; only a power cut can drop the last commits.
            _connection.Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;");
        }
        catch (SqliteException e)
        {
            _connection.Dispose();
            throw new StoreException($"The database '{path}' could not be opened ({e.Message}). Is it a Vigil SQLite file? Use --db to choose another path.", e);
        }
    }

    /// <summary>The open connection, for stores layered on this one (jobs, reviews) in the same file.</summary>
    internal SqliteConnection Connection => _connection;

    public void Migrate() => SqlMigrator.Apply(_connection, Migrations.All);

    public bool AddDocument(Document d) => AddDocuments([d]).Added == 1;

    public AddedDocuments AddDocuments(IEnumerable<Document> documents)
    {
        using var tx = _connection.BeginTransaction();
        var counts = DocumentRow.InsertAll(_connection, tx, documents);
        tx.Commit();
        return counts;
    }

    public Document? GetDocument(string id) =>
        _connection.QuerySingleOrDefault<DocumentRow>(DocumentRow.Select + " WHERE id = @id", new { id })?.ToModel();

    public IReadOnlyList<Document> GetDocuments() =>
        _connection.Query<DocumentRow>(DocumentRow.Select + " ORDER BY source, id").Select(r => r.ToModel()).ToList();

    public void SaveAnalysis(AnalysisResult analysis)
    {
        using var tx = _connection.BeginTransaction();
        DerivedRows.Replace(_connection, tx, analysis);
        tx.Commit();
    }

    public AnalysisResult LoadAnalysis() => DerivedRows.Load(_connection, GetDocuments());

    public StoreCounts Count() => DerivedRows.Count(_connection);

    public void Dispose() => _connection.Dispose();
}

/// <summary>A store could not be opened or written; the message names it and says what to do.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Applies pending migrations in order, each in its own transaction.</summary>
public static class SqlMigrator
{
    public static void Apply(IDbConnection connection, IReadOnlyList<Migration> migrations)
    {
        connection.Execute(Migrations.VersionTable);
        var applied = connection.Query<int>("SELECT version FROM schema_version").ToHashSet();
        foreach (var m in migrations.Where(m => !applied.Contains(m.Version)).OrderBy(m => m.Version))
        {
            using var tx = connection.BeginTransaction();
            // Another process may have applied it since the read above (two workers starting together):
            // check again inside the write transaction, which serialises them.
            if (connection.ExecuteScalar<int>("SELECT COUNT(*) FROM schema_version WHERE version = @Version", new { m.Version }, tx) > 0) continue;
            connection.Execute(m.Sql, transaction: tx);
            connection.Execute("INSERT INTO schema_version (version, description, applied_at) VALUES (@Version, @Description, @At)",
                new { m.Version, m.Description, At = DateTime.UtcNow.ToString("O") }, tx);
            tx.Commit();
        }
    }
}

/// <summary>Row shape of the documents table (portable across engines).</summary>
internal sealed class DocumentRow
{
    public const string Select = "SELECT id, content_hash AS ContentHash, source, url, title, outlet, lang, published, text, duplicate_of AS DuplicateOf FROM documents";

    // ON CONFLICT on the content hash (and the id, derived from it): re-ingesting the same text is
    // a no-op. SQLite (3.24+) and PostgreSQL both accept this form.
    private const string Insert = """
        INSERT INTO documents (id, content_hash, source, url, title, outlet, lang, published, text, ingested_at, duplicate_of)
        VALUES (@Id, @ContentHash, @Source, @Url, @Title, @Outlet, @Lang, @Published, @Text, @IngestedAt, @DuplicateOf)
        ON CONFLICT DO NOTHING
        """;

    /// <summary>Inserts the documents inside the caller's transaction; counts the new ones and those already stored.</summary>
    public static AddedDocuments InsertAll(IDbConnection c, IDbTransaction tx, IEnumerable<Document> documents)
    {
        using var insert = new SqlBatch(c, tx, Insert, "Id", "ContentHash", "Source", "Url", "Title", "Outlet", "Lang", "Published", "Text", "IngestedAt", "DuplicateOf");
        int added = 0, known = 0;
        var now = DateTime.UtcNow.ToString("O");
        foreach (var d in documents)
        {
            var published = d.Published is { } p ? LocalDatePattern.Iso.Format(p) : null;
            if (insert.Run(d.Id, d.ContentHash, d.Source, d.Url, d.Title, d.Outlet, d.Lang, published, d.Text, now, d.DuplicateOf) == 1) added++;
            else known++;
        }
        return new AddedDocuments(added, known);
    }

    public string Id { get; set; } = "";
    public string ContentHash { get; set; } = "";
    public string Source { get; set; } = "";
    public string? Url { get; set; }
    public string? Title { get; set; }
    public string? Outlet { get; set; }
    public string? Lang { get; set; }
    public string? Published { get; set; }
    public string Text { get; set; } = "";
    public string? DuplicateOf { get; set; }

    public Document ToModel()
    {
        var published = Published is null ? null : LocalDatePattern.Iso.Parse(Published) is { Success: true } r ? r.Value : (NodaTime.LocalDate?)null;
        return new Document(Id, Source, Text, ContentHash, Title, Lang, published, Outlet, Url, DuplicateOf);
    }
}

/// <summary>
/// Entities, mentions, hits, claims and stories: written and read the same way on every engine
/// (Dapper, parameterised SQL only). Claims, stories and hit details are kept as wire-format JSON
/// beside the columns that are queried.
/// </summary>
public static class DerivedRows
{
    private static readonly string[] Tables = ["hits", "mentions", "claims", "stories", "entities"];

    public static void Replace(IDbConnection c, IDbTransaction tx, AnalysisResult a)
    {
        foreach (var t in Tables) c.Execute($"DELETE FROM {t}", transaction: tx);
        // Near-copy links found by the analysis; a link made at ingest is never replaced.
        using var copies = new SqlBatch(c, tx, "UPDATE documents SET duplicate_of = @Original WHERE id = @Id AND duplicate_of IS NULL", "Original", "Id");
        foreach (var d in a.Documents)
            if (d.DuplicateOf is { } original) copies.Run(original, d.Id);
        using var entities = new SqlBatch(c, tx, "INSERT INTO entities (id, schema_name, name, aliases) VALUES (@Id, @Schema, @Name, @Aliases)",
            "Id", "Schema", "Name", "Aliases");
        using var mentions = new SqlBatch(c, tx, """
            INSERT INTO mentions (entity_id, doc_id, start_offset, end_offset, text, schema_name, name, confidence)
            VALUES (@EntityId, @Doc, @Start, @End, @Text, @Schema, @Name, @Confidence)
            """, "EntityId", "Doc", "Start", "End", "Text", "Schema", "Name", "Confidence");
        using var hits = new SqlBatch(c, tx, """
            INSERT INTO hits (entity_id, list_name, list_id, name, score, is_match, data)
            VALUES (@EntityId, @List, @ListId, @Name, @Score, @IsMatch, @Data)
            """, "EntityId", "List", "ListId", "Name", "Score", "IsMatch", "Data");
        foreach (var e in a.Entities)
        {
            entities.Run(e.Id, e.Schema.ToString(), e.Name, JsonSerializer.Serialize(e.Aliases, WireFormat.Compact));
            foreach (var m in e.Mentions.DistinctBy(m => m.Span))
                mentions.Run(e.Id, m.Span.DocumentId, m.Span.Start, m.Span.End, m.Text, m.Schema.ToString(), m.Name, m.Confidence);
            foreach (var h in e.Sanctions.DistinctBy(h => (h.List, h.ListId)))
                hits.Run(e.Id, h.List, h.ListId, h.Name, h.Score, h.IsMatch ? 1 : 0, JsonSerializer.Serialize(SanctionDto.From(h), WireFormat.Compact));
        }
        using var claims = new SqlBatch(c, tx, "INSERT INTO claims (id, doc_id, claim_type, stance, date_value, data) VALUES (@Id, @Doc, @Type, @Stance, @Date, @Data)",
            "Id", "Doc", "Type", "Stance", "Date", "Data");
        foreach (var cl in a.Claims)
            claims.Run(cl.Id, cl.DocumentId, cl.Type.ToWire(), cl.Stance.ToWire(), cl.Date?.Date?.ToString(), JsonSerializer.Serialize(ClaimDto.From(cl), WireFormat.Compact));
        using var stories = new SqlBatch(c, tx, "INSERT INTO stories (id, title, data) VALUES (@Id, @Title, @Data)", "Id", "Title", "Data");
        foreach (var s in a.Stories)
            stories.Run(s.Id, s.Title, JsonSerializer.Serialize(StoryDto.From(s), WireFormat.Compact));
    }

    public static AnalysisResult Load(IDbConnection c, IReadOnlyList<Document> documents)
    {
        var mentions = c.Query<(string EntityId, string Doc, long Start, long End, string Text, string Schema, string Name, double Confidence)>(
                "SELECT entity_id, doc_id, start_offset, end_offset, text, schema_name, name, confidence FROM mentions ORDER BY doc_id, start_offset")
            .ToLookup(m => m.EntityId, m => new Mention(new Span(m.Doc, (int)m.Start, (int)m.End), m.Text, EntitySchemas.Parse(m.Schema), m.Name, m.Confidence));
        var hits = c.Query<(string EntityId, string Data)>("SELECT entity_id, data FROM hits ORDER BY score DESC")
            .ToLookup(h => h.EntityId, h => JsonSerializer.Deserialize<SanctionDto>(h.Data, WireFormat.Options)!.ToModel());
        var entities = c.Query<(string Id, string Schema, string Name, string Aliases)>("SELECT id, schema_name, name, aliases FROM entities ORDER BY name, id")
            .Select(e => new Entity(e.Id, EntitySchemas.Parse(e.Schema), e.Name,
                JsonSerializer.Deserialize<List<string>>(e.Aliases, WireFormat.Options) ?? [], mentions[e.Id].ToList(), hits[e.Id].ToList()))
            .ToList();
        var claims = c.Query<string>("SELECT data FROM claims ORDER BY doc_id, id")
            .Select(d => JsonSerializer.Deserialize<ClaimDto>(d, WireFormat.Options)!.ToModel()).ToList();
        var stories = c.Query<string>("SELECT data FROM stories ORDER BY id")
            .Select(d => JsonSerializer.Deserialize<StoryDto>(d, WireFormat.Options)!.ToModel()).ToList();
        return new AnalysisResult(documents, entities, claims, stories);
    }

    public static StoreCounts Count(IDbConnection c) => new(
        c.ExecuteScalar<int>("SELECT COUNT(*) FROM documents"),
        c.ExecuteScalar<int>("SELECT COUNT(*) FROM entities"),
        c.ExecuteScalar<int>("SELECT COUNT(*) FROM mentions"),
        c.ExecuteScalar<int>("SELECT COUNT(*) FROM hits"),
        c.ExecuteScalar<int>("SELECT COUNT(*) FROM claims"),
        c.ExecuteScalar<int>("SELECT COUNT(*) FROM stories"));
}
