namespace Vigil.Storage.Jobs;

/// <summary>
/// The tables of the shared work (the job queue and the reviewers' audit trail), in SQL that
/// both SQLite and PostgreSQL accept: text ids made by the client, times as epoch milliseconds.
/// </summary>
public static class WorkSchema
{
    public static readonly IReadOnlyList<string> Statements =
    [
        """
        CREATE TABLE IF NOT EXISTS jobs (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            payload TEXT NOT NULL,
            status TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            max_attempts INTEGER NOT NULL DEFAULT 3,
            worker TEXT,
            token TEXT,
            created_at BIGINT NOT NULL,
            lease_until BIGINT,
            finished_at BIGINT,
            progress TEXT,
            result TEXT,
            error TEXT,
            completions INTEGER NOT NULL DEFAULT 0)
        """,
        "CREATE INDEX IF NOT EXISTS jobs_claimable ON jobs (status, created_at)",
        """
        CREATE TABLE IF NOT EXISTS hit_reviews (
            id TEXT PRIMARY KEY,
            entity_id TEXT NOT NULL,
            list TEXT NOT NULL,
            list_id TEXT NOT NULL,
            verdict TEXT NOT NULL,
            reviewer TEXT NOT NULL,
            note TEXT,
            at BIGINT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS hit_reviews_entity ON hit_reviews (entity_id, at)",
    ];
}
