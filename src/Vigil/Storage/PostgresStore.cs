using System.Data;
using Dapper;
using Npgsql;
using Vigil.Model;

namespace Vigil.Storage;

/// <summary>
/// The server backend: PostgreSQL, shared by `vigil serve` and any number of `vigil worker`s.
/// Same schema and migrations as <see cref="SqliteStore"/> (<see cref="Migrations.All"/>), same
/// row code (<see cref="DerivedRows"/>); what differs is here: pooled connections, an advisory
/// lock so that processes starting together migrate once, and ON CONFLICT for idempotent adds.
/// </summary>
public sealed class PostgresStore : IStore
{
    /// <summary>Arbitrary, fixed: the advisory lock that serialises migrations across processes.</summary>
    private const long MigrationLock = 0x5649_4749_4C00_0001;

    private readonly NpgsqlDataSource _source;

    public PostgresStore(string connectionString)
    {
        try
        {
            _source = NpgsqlDataSource.Create(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new StoreException($"'{Redacted(connectionString)}' is not a valid PostgreSQL connection string ({e.Message}). Example: \"Host=localhost;Database=vigil;Username=vigil\".", e);
        }
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    internal NpgsqlConnection OpenConnection() => Open();

    private NpgsqlConnection Open()
    {
        try
        {
            return _source.OpenConnection();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw new StoreException($"Cannot connect to PostgreSQL at '{Redacted(ConnectionString)}' ({e.Message}). Is the server running, and does the database exist?", e);
        }
    }

    public void Migrate() => Apply(Migrations.All);

    /// <summary>Applies these migrations (the core schema's, or a feature's own such as the watch queue's) once across processes.</summary>
    internal void Apply(IReadOnlyList<Migration> migrations)
    {
        using var c = Open();
        c.Execute("SELECT pg_advisory_lock(@MigrationLock)", new { MigrationLock });
        try
        {
            SqlMigrator.Apply(c, migrations);
        }
        finally
        {
            c.Execute("SELECT pg_advisory_unlock(@MigrationLock)", new { MigrationLock });
        }
    }

    public bool AddDocument(Document d) => AddDocuments([d]).Added == 1;

    public AddedDocuments AddDocuments(IEnumerable<Document> documents)
    {
        using var c = Open();
        using var tx = c.BeginTransaction();
        var counts = DocumentRow.InsertAll(c, tx, documents);
        tx.Commit();
        return counts;
    }

    public Document? GetDocument(string id)
    {
        using var c = Open();
        return c.QuerySingleOrDefault<DocumentRow>(DocumentRow.Select + " WHERE id = @id", new { id })?.ToModel();
    }

    public IReadOnlyList<Document> GetDocuments()
    {
        using var c = Open();
        return Documents(c);
    }

    public void SaveAnalysis(AnalysisResult analysis)
    {
        using var c = Open();
        // Serialisable: two workers saving analyses at once must not interleave their rows.
        using var tx = c.BeginTransaction(IsolationLevel.Serializable);
        c.Execute("LOCK TABLE entities IN EXCLUSIVE MODE", transaction: tx);
        DerivedRows.Replace(c, tx, analysis);
        tx.Commit();
    }

    public AnalysisResult LoadAnalysis()
    {
        using var c = Open();
        // One snapshot for documents and derived rows, so a concurrent save is seen whole or not at all
        // (Npgsql runs every command of the connection inside its open transaction).
        using var tx = c.BeginTransaction(IsolationLevel.RepeatableRead);
        var result = DerivedRows.Load(c, Documents(c, tx));
        tx.Commit();
        return result;
    }

    public StoreCounts Count()
    {
        using var c = Open();
        return DerivedRows.Count(c);
    }

    public void Dispose() => _source.Dispose();

    private static List<Document> Documents(IDbConnection c, IDbTransaction? tx = null) =>
        c.Query<DocumentRow>(DocumentRow.Select + " ORDER BY source, id", transaction: tx).Select(r => r.ToModel()).ToList();

    /// <summary>The connection string without its password, for error messages.</summary>
    private static string Redacted(string connectionString)
    {
        try
        {
            var b = new NpgsqlConnectionStringBuilder(connectionString);
            if (!string.IsNullOrEmpty(b.Password)) b.Password = "***";
            return b.ConnectionString;
        }
        catch (ArgumentException)
        {
            return "(unparseable connection string)";
        }
    }
}
