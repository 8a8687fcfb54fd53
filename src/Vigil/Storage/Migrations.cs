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
    ];

    public const string VersionTable = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)";
}
