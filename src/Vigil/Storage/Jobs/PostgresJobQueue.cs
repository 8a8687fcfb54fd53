using System.Data.Common;
using Dapper;
using Npgsql;

namespace Vigil.Storage.Jobs;

/// <summary>
/// The job queue on PostgreSQL: workers on any number of machines claim with
/// FOR UPDATE SKIP LOCKED, so two claims never take the same row and never wait on each other.
/// </summary>
public sealed class PostgresJobQueue : SqlJobQueue
{
    private readonly NpgsqlDataSource _source;

    public PostgresJobQueue(string connectionString) => _source = NpgsqlDataSource.Create(connectionString);

    protected override string NowSql => "(extract(epoch from clock_timestamp()) * 1000)::bigint";

    protected override string KindFilterSql => "kind = ANY(@kinds)";

    protected override DbConnection Connect() => _source.OpenConnection();

    protected override JobRow? ClaimOne(DbConnection connection, string worker, string token, long leaseMs, IReadOnlyCollection<string>? kinds) =>
        connection.QuerySingleOrDefault<JobRow>(
            $"UPDATE jobs SET {ClaimUpdateSql} WHERE id = (SELECT id FROM jobs WHERE {ClaimableSql(kinds)} ORDER BY created_at, seq, id LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING {Columns}",
            new { worker, token, leaseMs, kinds = kinds?.ToArray() });

    public override void Dispose()
    {
        _source.Dispose();
        base.Dispose();
    }
}
