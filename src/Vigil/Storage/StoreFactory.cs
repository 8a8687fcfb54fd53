using Vigil.Storage.Jobs;
using Vigil.Storage.Reviews;

namespace Vigil.Storage;

/// <summary>
/// Chooses the backend from what `--db` says: a PostgreSQL connection string ("Host=...;Database=vigil")
/// or a SQLite file path. The one place that decides, so the CLI, the server and the workers agree.
/// </summary>
public static class StoreFactory
{
    /// <summary>True for a connection string (key=value pairs naming a Host or Server), false for a file path.</summary>
    public static bool IsConnectionString(string db) =>
        db.Contains('=') && db.Split(';').Any(part =>
            part.Split('=', 2)[0].Trim() is var key &&
            (key.Equals("Host", StringComparison.OrdinalIgnoreCase) || key.Equals("Server", StringComparison.OrdinalIgnoreCase)));

    public static IStore Open(string db) => IsConnectionString(db) ? new PostgresStore(db) : new SqliteStore(db);

    public static IJobQueue OpenJobs(string db) => IsConnectionString(db) ? new PostgresJobQueue(db) : new SqliteJobQueue(db);

    public static IReviewLog OpenReviews(string db) => IsConnectionString(db) ? new PostgresReviewLog(db) : new SqliteReviewLog(db);
}
