using System.Data.Common;
using Dapper;

namespace Vigil.Storage.Jobs;

/// <summary>
/// The jobs table in SQL, shared by both backends; the subclasses supply the connection, the
/// clock expression and the claim (the only statement whose concurrency differs).
/// Times are milliseconds since the Unix epoch, from the database's clock where it has one,
/// so workers on machines with skewed clocks still agree on when a lease ran out.
/// </summary>
public abstract class SqlJobQueue : IJobQueue
{
    protected const string Columns =
        "id AS Id, kind AS Kind, payload AS Payload, status AS Status, attempts AS Attempts, max_attempts AS MaxAttempts, worker AS Worker, " +
        "token AS Token, created_at AS CreatedAt, lease_until AS LeaseUntil, finished_at AS FinishedAt, progress AS Progress, result AS Result, " +
        "error AS Error, completions AS Completions";

    /// <summary>An SQL expression for "now" in epoch milliseconds.</summary>
    protected abstract string NowSql { get; }

    /// <summary>An open connection.</summary>
    protected abstract DbConnection Connect();

    /// <summary>Atomically takes one claimable job for <paramref name="worker"/>, or returns null.</summary>
    protected abstract JobRow? ClaimOne(DbConnection connection, string worker, string token, long leaseMs, IReadOnlyCollection<string>? kinds);

    /// <summary>The WHERE clause of a claimable job: queued, or running with an expired lease and attempts left.</summary>
    protected string ClaimableSql(IReadOnlyCollection<string>? kinds) =>
        $"(status = 'queued' OR (status = 'running' AND lease_until < {NowSql} AND attempts < max_attempts))" + (kinds is null ? "" : " AND " + KindFilterSql);

    /// <summary>"kind is one of @kinds" (a string array parameter) in this dialect.</summary>
    protected virtual string KindFilterSql => "kind IN @kinds";

    protected string ClaimUpdateSql =>
        $"status = 'running', worker = @worker, token = @token, attempts = attempts + 1, lease_until = {NowSql} + @leaseMs, progress = NULL";

    public string Enqueue(string kind, string payload, int maxAttempts = 3)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        var id = Guid.NewGuid().ToString("N");
        using var c = Connect();
        // Two enqueues racing on PostgreSQL may take the same number; they were simultaneous, and the id decides.
        c.Execute($"INSERT INTO jobs (id, kind, payload, status, attempts, max_attempts, created_at, completions, seq) " +
                  $"VALUES (@id, @kind, @payload, 'queued', 0, @maxAttempts, {NowSql}, 0, (SELECT COALESCE(MAX(seq), 0) + 1 FROM jobs))",
            new { id, kind, payload, maxAttempts = Math.Max(1, maxAttempts) });
        return id;
    }

    public ClaimedJob? TryClaim(string worker, TimeSpan lease, IReadOnlyCollection<string>? kinds = null)
    {
        if (kinds is { Count: 0 }) return null;
        using var c = Connect();
        // A job whose workers all died mid-run fails for good rather than killing workers for ever.
        c.Execute($"UPDATE jobs SET status = 'failed', finished_at = {NowSql}, token = NULL, error = 'abandoned: its worker stopped during each of ' || CAST(attempts AS TEXT) || ' attempts' " +
                  $"WHERE status = 'running' AND lease_until < {NowSql} AND attempts >= max_attempts");
        var token = Guid.NewGuid().ToString("N");
        var row = ClaimOne(c, worker, token, (long)lease.TotalMilliseconds, kinds);
        return row is null ? null : new ClaimedJob(row.ToJob(), token);
    }

    public bool Heartbeat(ClaimedJob job, TimeSpan lease, string? progress = null)
    {
        using var c = Connect();
        return c.Execute($"UPDATE jobs SET lease_until = {NowSql} + @leaseMs, progress = COALESCE(@progress, progress) WHERE id = @id AND token = @token AND status = 'running'",
            new { id = job.Id, token = job.Token, leaseMs = (long)lease.TotalMilliseconds, progress }) == 1;
    }

    public bool Complete(ClaimedJob job, string? result)
    {
        using var c = Connect();
        return c.Execute($"UPDATE jobs SET status = 'done', finished_at = {NowSql}, result = @result, lease_until = NULL, completions = completions + 1 " +
                         "WHERE id = @id AND token = @token AND status = 'running'",
            new { id = job.Id, token = job.Token, result }) == 1;
    }

    public bool Fail(ClaimedJob job, string error)
    {
        using var c = Connect();
        return c.Execute("UPDATE jobs SET status = CASE WHEN attempts < max_attempts THEN 'queued' ELSE 'failed' END, " +
                         $"finished_at = CASE WHEN attempts < max_attempts THEN NULL ELSE {NowSql} END, error = @error, lease_until = NULL, token = NULL " +
                         "WHERE id = @id AND token = @token AND status = 'running'",
            new { id = job.Id, token = job.Token, error }) == 1;
    }

    public bool Cancel(string id)
    {
        using var c = Connect();
        return c.Execute($"UPDATE jobs SET status = 'cancelled', finished_at = {NowSql}, lease_until = NULL, token = NULL, error = 'cancelled' " +
                         "WHERE id = @id AND status IN ('queued', 'running')", new { id }) == 1;
    }

    public Job? Get(string id)
    {
        using var c = Connect();
        return c.QuerySingleOrDefault<JobRow>($"SELECT {Columns} FROM jobs WHERE id = @id", new { id })?.ToJob();
    }

    public IReadOnlyList<Job> List(int limit = 100)
    {
        using var c = Connect();
        return c.Query<JobRow>($"SELECT {Columns} FROM jobs ORDER BY created_at DESC, seq DESC, id DESC LIMIT @limit", new { limit = Math.Clamp(limit, 1, 10_000) })
            .Select(r => r.ToJob()).ToList();
    }

    public virtual void Dispose() => GC.SuppressFinalize(this);

    /// <summary>A jobs row as read by Dapper (integers come back as long from SQLite).</summary>
    protected sealed class JobRow
    {
        public string Id { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Payload { get; set; } = "";
        public string Status { get; set; } = "";
        public long Attempts { get; set; }
        public long MaxAttempts { get; set; }
        public string? Worker { get; set; }
        public string? Token { get; set; }
        public long CreatedAt { get; set; }
        public long? LeaseUntil { get; set; }
        public long? FinishedAt { get; set; }
        public string? Progress { get; set; }
        public string? Result { get; set; }
        public string? Error { get; set; }
        public long Completions { get; set; }

        public Job ToJob() => new(Id, Kind, Payload, Enum.Parse<JobStatus>(Status, ignoreCase: true), (int)Attempts, (int)MaxAttempts, Worker,
            DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt), At(LeaseUntil), At(FinishedAt), Progress, Result, Error, (int)Completions);

        private static DateTimeOffset? At(long? ms) => ms is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v) : null;
    }
}
