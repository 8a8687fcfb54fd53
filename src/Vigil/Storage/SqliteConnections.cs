using Microsoft.Data.Sqlite;

namespace Vigil.Storage;

/// <summary>How Vigil opens its SQLite file: WAL (readers never block the writer) and a generous busy timeout.</summary>
internal static class SqliteConnections
{
    /// <summary>Now, in epoch milliseconds, in SQLite's SQL.</summary>
    public const string NowMs = "CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER)";

    public static string ConnectionString(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true, DefaultTimeout = 60 }.ToString();

    public static SqliteConnection Open(string connectionString)
    {
        var c = new SqliteConnection(connectionString);
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 60000; PRAGMA foreign_keys = ON;";
        cmd.ExecuteNonQuery();
        return c;
    }
}
