using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Vigil.Storage.Jobs;

/// <summary>
/// The job queue in the embedded SQLite file: a claim is one IMMEDIATE (single-writer)
/// transaction, so concurrent workers on this machine serialise on the database's write lock.
/// </summary>
public sealed class SqliteJobQueue(string path) : SqlJobQueue
{
    private readonly string _connectionString = SqliteConnections.ConnectionString(path);

    protected override string NowSql => SqliteConnections.NowMs;

    protected override DbConnection Connect() => SqliteConnections.Open(_connectionString);

    protected override JobRow? ClaimOne(DbConnection connection, string worker, string token, long leaseMs, IReadOnlyCollection<string>? kinds)
    {
        using var tx = ((SqliteConnection)connection).BeginTransaction(deferred: false);
        var row = connection.QuerySingleOrDefault<JobRow>(
            $"UPDATE jobs SET {ClaimUpdateSql} WHERE id = (SELECT id FROM jobs WHERE {ClaimableSql(kinds)} ORDER BY created_at, seq, id LIMIT 1) RETURNING {Columns}",
            new { worker, token, leaseMs, kinds }, tx);
        tx.Commit();
        return row;
    }
}
