using System.Data;
using Dapper;

namespace Vigil.Storage;

/// <summary>One thing to ingest: a file seen in a watched folder or an item of a watched feed.</summary>
public sealed record QueueItem(string Key, string Source, string Origin, string State, int Attempts, string? LastError, string? DocumentId, string? Metadata);

/// <summary>What `vigil status` shows about the queue.</summary>
public sealed record QueueStatus(int Pending, int Done, int Failed, int GivenUp, IReadOnlyList<QueueItem> Failures);

/// <summary>
/// The durable work queue behind `vigil watch`, in the same database as the documents (SQLite or
/// PostgreSQL). Every
/// state change is one committed statement, and a document is stored before its item is marked
/// done: a crash between the two only means the item is read again, and the store's content-hash
/// key makes that a no-op. Failed items keep their reason and are retried with growing delays.
/// </summary>
public sealed class IngestQueue
{
    /// <summary>Version numbers from 101 on, so they never collide with the core schema's steps.</summary>
    public static readonly IReadOnlyList<Migration> Migrations =
    [
        new(101, "ingest queue and sent alerts", """
            CREATE TABLE ingest_items (
                item_key        TEXT PRIMARY KEY,
                source          TEXT NOT NULL,
                origin          TEXT NOT NULL,
                state           TEXT NOT NULL,
                attempts        INTEGER NOT NULL,
                last_error      TEXT,
                document_id     TEXT,
                metadata        TEXT,
                next_attempt_at TEXT NOT NULL,
                enqueued_at     TEXT NOT NULL,
                updated_at      TEXT NOT NULL
            );
            CREATE INDEX ix_ingest_items_state ON ingest_items(state, next_attempt_at);
            CREATE TABLE alerts_sent (
                alert_key       TEXT PRIMARY KEY,
                kind            TEXT NOT NULL,
                sent_at         TEXT NOT NULL,
                data            TEXT NOT NULL
            );
            """),
    ];

    public const string Pending = "pending";
    public const string Done = "done";
    public const string Failed = "failed";

    /// <summary>After this many failed attempts an item is left alone (and shown by `vigil status`).</summary>
    public int MaxAttempts { get; init; } = 5;

    // SQLite: the store's one connection. PostgreSQL: a pooled connection per call, like the store's own.
    private readonly Func<IDbConnection> connect;
    private readonly bool ownsConnections;

    private IngestQueue(Func<IDbConnection> connect, bool ownsConnections)
    {
        this.connect = connect;
        this.ownsConnections = ownsConnections;
    }

    /// <summary>The queue inside a store's database (SQLite or PostgreSQL); brings its tables up to date.</summary>
    public static IngestQueue For(IStore store)
    {
        switch (store)
        {
            case SqliteStore sqlite:
                SqlMigrator.Apply(sqlite.Connection, Migrations);
                return new IngestQueue(() => sqlite.Connection, ownsConnections: false);
            case PostgresStore postgres:
                postgres.Apply(Migrations);
                return new IngestQueue(postgres.OpenConnection, ownsConnections: true);
            default:
                throw new StoreException($"The watch queue has no tables for a {store.GetType().Name}: use --db with a .db file or a PostgreSQL connection string.");
        }
    }

    private T Use<T>(Func<IDbConnection, T> work)
    {
        var c = connect();
        try { return work(c); }
        finally { if (ownsConnections) c.Dispose(); }
    }

    /// <summary>Adds the item unless its key was seen before. True when it is new.</summary>
    public bool Enqueue(string key, string source, string origin, string? metadata = null)
    {
        var now = Now();
        return Use(c => c.Execute("""
            INSERT INTO ingest_items (item_key, source, origin, state, attempts, metadata, next_attempt_at, enqueued_at, updated_at)
            VALUES (@key, @source, @origin, 'pending', 0, @metadata, @now, @now, @now)
            ON CONFLICT (item_key) DO NOTHING
            """, new { key, source, origin, metadata, now })) == 1;
    }

    /// <summary>Items due now: new ones, and failed ones whose retry time has come.</summary>
    public IReadOnlyList<QueueItem> Due(int limit = 1000) => Use(c =>
        c.Query<ItemRow>("""
            SELECT item_key AS Key, source, origin, state, attempts, last_error AS LastError, document_id AS DocumentId, metadata
            FROM ingest_items
            WHERE (state = 'pending' OR (state = 'failed' AND attempts < @max)) AND next_attempt_at <= @now
            ORDER BY enqueued_at, item_key LIMIT @limit
            """, new { max = MaxAttempts, now = Now(), limit }).Select(r => r.ToModel()).ToList());

    public void MarkDone(string key, string? documentId) => Use(c =>
        c.Execute("UPDATE ingest_items SET state = 'done', document_id = @documentId, last_error = NULL, updated_at = @now WHERE item_key = @key",
            new { key, documentId, now = Now() }));

    /// <summary>Records the reason and schedules a retry after 1, 2, 4, 8... minutes.</summary>
    public void MarkFailed(string key, string reason) => Use(c =>
    {
        var attempts = c.ExecuteScalar<int>("SELECT attempts FROM ingest_items WHERE item_key = @key", new { key }) + 1;
        var next = DateTime.UtcNow.AddMinutes(Math.Pow(2, attempts - 1)).ToString("O");
        return c.Execute("UPDATE ingest_items SET state = 'failed', attempts = @attempts, last_error = @reason, next_attempt_at = @next, updated_at = @now WHERE item_key = @key",
            new { key, attempts, reason, next, now = Now() });
    });

    public QueueStatus Status() => Use(c =>
    {
        var counts = c.Query<CountRow>(
            "SELECT state AS State, CASE WHEN attempts >= @max THEN 1 ELSE 0 END AS GivenUp, COUNT(*) AS N FROM ingest_items GROUP BY 1, 2", new { max = MaxAttempts }).ToList();
        int Count(string state) => (int)counts.Where(x => x.State == state).Sum(x => x.N);
        var givenUp = (int)counts.Where(x => x.State == Failed && x.GivenUp == 1).Sum(x => x.N);
        var failures = c.Query<ItemRow>("""
            SELECT item_key AS Key, source, origin, state, attempts, last_error AS LastError, document_id AS DocumentId, metadata
            FROM ingest_items WHERE state = 'failed' ORDER BY updated_at DESC LIMIT 20
            """).Select(r => r.ToModel()).ToList();
        return new QueueStatus(Count(Pending), Count(Done), Count(Failed), givenUp, failures);
    });

    /// <summary>Records an alert as sent. False when it was sent before (so it is not repeated).</summary>
    public bool MarkAlertSent(string key, string kind, string data) => Use(c =>
        c.Execute("INSERT INTO alerts_sent (alert_key, kind, sent_at, data) VALUES (@key, @kind, @now, @data) ON CONFLICT (alert_key) DO NOTHING",
            new { key, kind, now = Now(), data })) == 1;

    public int AlertsSent() => Use(c => c.ExecuteScalar<int>("SELECT COUNT(*) FROM alerts_sent"));

    private static string Now() => DateTime.UtcNow.ToString("O");

    private sealed class ItemRow
    {
        public string Key { get; set; } = "";
        public string Source { get; set; } = "";
        public string Origin { get; set; } = "";
        public string State { get; set; } = "";
        public long Attempts { get; set; }
        public string? LastError { get; set; }
        public string? DocumentId { get; set; }
        public string? Metadata { get; set; }

        public QueueItem ToModel() => new(Key, Source, Origin, State, (int)Attempts, LastError, DocumentId, Metadata);
    }

    private sealed class CountRow
    {
        public string State { get; set; } = "";
        public long GivenUp { get; set; }
        public long N { get; set; }
    }
}
