namespace Vigil.Storage;

/// <summary>Chooses the store from what `--db` says: a connection string means PostgreSQL, anything else a SQLite file.</summary>
public static class StoreFactory
{
    public static bool IsConnectionString(string db) =>
        db.Contains('=') && db.Contains(';') || db.StartsWith("Host=", StringComparison.OrdinalIgnoreCase);

    public static IStore Open(string db)
    {
        if (IsConnectionString(db))
            throw new StoreException($"'{db}' looks like a PostgreSQL connection string, but this build has no PostgreSQL store yet. Use a SQLite file path.");
        return new SqliteStore(db);
    }
}
