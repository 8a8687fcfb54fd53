using System.Data.Common;
using Dapper;
using Npgsql;

namespace Vigil.Storage.Reviews;

/// <summary>The hit_reviews table, append-only, on either backend (the SQL is the same).</summary>
public abstract class SqlReviewLog : IReviewLog
{
    protected abstract DbConnection Connect();

    public void Add(HitReview review)
    {
        using var c = Connect();
        c.Execute("INSERT INTO hit_reviews (id, entity_id, list_name, list_id, verdict, reviewer, note, at, entry_fingerprint) VALUES (@Id, @EntityId, @List, @ListId, @Verdict, @Reviewer, @Note, @at, @EntryFingerprint)",
            new { review.Id, review.EntityId, review.List, review.ListId, review.Verdict, review.Reviewer, review.Note, at = review.At.ToUnixTimeMilliseconds(), review.EntryFingerprint });
    }

    public IReadOnlyList<HitReview> History(string? entityId = null)
    {
        using var c = Connect();
        var sql = "SELECT id AS Id, entity_id AS EntityId, list_name AS List, list_id AS ListId, verdict AS Verdict, reviewer AS Reviewer, note AS Note, at AS At, entry_fingerprint AS EntryFingerprint FROM hit_reviews"
                  + (entityId is null ? "" : " WHERE entity_id = @entityId") + " ORDER BY at, id";
        return c.Query<Row>(sql, new { entityId })
            .Select(r => new HitReview(r.Id, r.EntityId, r.List, r.ListId, r.Verdict, r.Reviewer, r.Note, DateTimeOffset.FromUnixTimeMilliseconds(r.At), r.EntryFingerprint))
            .ToList();
    }

    public virtual void Dispose() => GC.SuppressFinalize(this);

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string EntityId { get; set; } = "";
        public string List { get; set; } = "";
        public string ListId { get; set; } = "";
        public string Verdict { get; set; } = "";
        public string Reviewer { get; set; } = "";
        public string? Note { get; set; }
        public long At { get; set; }
        public string? EntryFingerprint { get; set; }
    }
}

public sealed class SqliteReviewLog(string path) : SqlReviewLog
{
    private readonly string _connectionString = SqliteConnections.ConnectionString(path);

    protected override DbConnection Connect() => SqliteConnections.Open(_connectionString);
}

public sealed class PostgresReviewLog(string connectionString) : SqlReviewLog
{
    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);

    protected override DbConnection Connect() => _source.OpenConnection();

    public override void Dispose()
    {
        _source.Dispose();
        base.Dispose();
    }
}
