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

    public bool AddDocument(Document d)
    {
        // INSERT OR IGNORE on the content hash: re-ingesting the same text is a no-op.
        var rows = _connection.Execute("""
            INSERT OR IGNORE INTO documents (id, content_hash, source, url, title, outlet, lang, published, text, ingested_at)
            VALUES (@Id, @ContentHash, @Source, @Url, @Title, @Outlet, @Lang, @Published, @Text, @IngestedAt)
            """, DocumentRow.From(d));
        return rows == 1;
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
    public const string Select = "SELECT id, content_hash AS ContentHash, source, url, title, outlet, lang, published, text FROM documents";

    public string Id { get; set; } = "";
    public string ContentHash { get; set; } = "";
    public string Source { get; set; } = "";
    public string? Url { get; set; }
    public string? Title { get; set; }
    public string? Outlet { get; set; }
    public string? Lang { get; set; }
    public string? Published { get; set; }
    public string Text { get; set; } = "";
    public string IngestedAt { get; set; } = "";

    public static DocumentRow From(Document d) => new()
    {
        Id = d.Id, ContentHash = d.ContentHash, Source = d.Source, Url = d.Url, Title = d.Title, Outlet = d.Outlet,
        Lang = d.Lang, Published = d.Published is { } p ? LocalDatePattern.Iso.Format(p) : null, Text = d.Text,
        IngestedAt = DateTime.UtcNow.ToString("O"),
    };

    public Document ToModel()
    {
        var published = Published is null ? null : LocalDatePattern.Iso.Parse(Published) is { Success: true } r ? r.Value : (NodaTime.LocalDate?)null;
        return new Document(Id, Source, Text, ContentHash, Title, Lang, published, Outlet, Url);
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
        foreach (var e in a.Entities)
        {
            c.Execute("INSERT INTO entities (id, schema_name, name, aliases) VALUES (@Id, @Schema, @Name, @Aliases)",
                new { e.Id, Schema = e.Schema.ToString(), e.Name, Aliases = JsonSerializer.Serialize(e.Aliases, WireFormat.Compact) }, tx);
            foreach (var m in e.Mentions.DistinctBy(m => m.Span))
                c.Execute("""
                    INSERT INTO mentions (entity_id, doc_id, start_offset, end_offset, text, schema_name, name, confidence)
                    VALUES (@EntityId, @Doc, @Start, @End, @Text, @Schema, @Name, @Confidence)
                    """,
                    new { EntityId = e.Id, Doc = m.Span.DocumentId, m.Span.Start, m.Span.End, m.Text, Schema = m.Schema.ToString(), m.Name, m.Confidence }, tx);
            foreach (var h in e.Sanctions.DistinctBy(h => (h.List, h.ListId)))
                c.Execute("""
                    INSERT INTO hits (entity_id, list_name, list_id, name, score, is_match, data)
                    VALUES (@EntityId, @List, @ListId, @Name, @Score, @IsMatch, @Data)
                    """,
                    new { EntityId = e.Id, h.List, h.ListId, h.Name, h.Score, IsMatch = h.IsMatch ? 1 : 0, Data = JsonSerializer.Serialize(SanctionDto.From(h), WireFormat.Compact) }, tx);
        }
        foreach (var cl in a.Claims)
            c.Execute("INSERT INTO claims (id, doc_id, claim_type, stance, date_value, data) VALUES (@Id, @Doc, @Type, @Stance, @Date, @Data)",
                new { cl.Id, Doc = cl.DocumentId, Type = cl.Type.ToWire(), Stance = cl.Stance.ToWire(), Date = cl.Date?.Date?.ToString(), Data = JsonSerializer.Serialize(ClaimDto.From(cl), WireFormat.Compact) }, tx);
        foreach (var s in a.Stories)
            c.Execute("INSERT INTO stories (id, title, data) VALUES (@Id, @Title, @Data)",
                new { s.Id, s.Title, Data = JsonSerializer.Serialize(StoryDto.From(s), WireFormat.Compact) }, tx);
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
