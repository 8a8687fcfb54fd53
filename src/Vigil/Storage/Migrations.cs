namespace Vigil.Storage;

/// <summary>One step of the schema, applied once, in order, and recorded in schema_version.</summary>
public sealed record Migration(int Version, string Description, string Sql);

/// <summary>
/// Vigil's schema as a list of versioned steps. The SQL is kept to what both SQLite and
/// PostgreSQL accept (TEXT, INTEGER, DOUBLE PRECISION; no engine-specific keys), so one list
/// serves both stores. Never edit a released step: add a new one.
/// </summary>
public static class Migrations
{
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "documents, entities, mentions, hits, claims, stories", """
            CREATE TABLE documents (
                id            TEXT PRIMARY KEY,
                content_hash  TEXT NOT NULL UNIQUE,
                source        TEXT NOT NULL,
                url           TEXT,
                title         TEXT,
                outlet        TEXT,
                lang          TEXT,
                published     TEXT,
                text          TEXT NOT NULL,
                ingested_at   TEXT NOT NULL
            );
            CREATE TABLE entities (
                id            TEXT PRIMARY KEY,
                schema_name   TEXT NOT NULL,
                name          TEXT NOT NULL,
                aliases       TEXT NOT NULL
            );
            CREATE TABLE mentions (
                entity_id     TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
                doc_id        TEXT NOT NULL REFERENCES documents(id),
                start_offset  INTEGER NOT NULL,
                end_offset    INTEGER NOT NULL,
                text          TEXT NOT NULL,
                schema_name   TEXT NOT NULL,
                name          TEXT NOT NULL,
                confidence    DOUBLE PRECISION NOT NULL,
                PRIMARY KEY (entity_id, doc_id, start_offset, end_offset)
            );
            CREATE INDEX ix_mentions_doc ON mentions(doc_id);
            CREATE TABLE hits (
                entity_id     TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
                list_name     TEXT NOT NULL,
                list_id       TEXT NOT NULL,
                name          TEXT NOT NULL,
                score         DOUBLE PRECISION NOT NULL,
                is_match      INTEGER NOT NULL,
                data          TEXT NOT NULL,
                PRIMARY KEY (entity_id, list_name, list_id)
            );
            CREATE TABLE claims (
                id            TEXT PRIMARY KEY,
                doc_id        TEXT NOT NULL REFERENCES documents(id),
                claim_type    TEXT NOT NULL,
                stance        TEXT NOT NULL,
                date_value    TEXT,
                data          TEXT NOT NULL
            );
            CREATE INDEX ix_claims_doc ON claims(doc_id);
            CREATE TABLE stories (
                id            TEXT PRIMARY KEY,
                title         TEXT NOT NULL,
                data          TEXT NOT NULL
            );
            """),
        new(2, "jobs queue and hit reviews (audit trail)", """
            CREATE TABLE jobs (
                id            TEXT PRIMARY KEY,
                kind          TEXT NOT NULL,
                payload       TEXT NOT NULL,
                status        TEXT NOT NULL,
                attempts      INTEGER NOT NULL DEFAULT 0,
                max_attempts  INTEGER NOT NULL DEFAULT 3,
                worker        TEXT,
                token         TEXT,
                created_at    BIGINT NOT NULL,
                lease_until   BIGINT,
                finished_at   BIGINT,
                progress      TEXT,
                result        TEXT,
                error         TEXT,
                completions   INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX ix_jobs_claimable ON jobs(status, created_at);
            CREATE TABLE hit_reviews (
                id            TEXT PRIMARY KEY,
                entity_id     TEXT NOT NULL,
                list_name     TEXT NOT NULL,
                list_id       TEXT NOT NULL,
                verdict       TEXT NOT NULL,
                reviewer      TEXT NOT NULL,
                note          TEXT,
                at            BIGINT NOT NULL
            );
            CREATE INDEX ix_hit_reviews_entity ON hit_reviews(entity_id, at);
            """),
        // No foreign key: the original is always stored first, and a plain column keeps both engines' ALTER simple.
        new(3, "documents remember the original they are a near-copy of", """
            ALTER TABLE documents ADD COLUMN duplicate_of TEXT;
            CREATE INDEX ix_documents_duplicate_of ON documents(duplicate_of);
            """),
        // Null for reviews made before: those hold whatever the entry becomes, as they always did.
        new(4, "a review remembers the list entry as it was, so a false positive lapses when the entry changes", """
            ALTER TABLE hit_reviews ADD COLUMN entry_fingerprint TEXT;
            """),
        // The clock alone cannot order two jobs enqueued in the same tick; ids are random. Jobs enqueued before have none.
        new(5, "jobs are claimed in the order they were enqueued (a sequence number breaks ties of the clock)", """
            ALTER TABLE jobs ADD COLUMN seq BIGINT;
            CREATE INDEX ix_jobs_seq ON jobs(seq);
            """),
    ];

    public const string VersionTable = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)";
}
