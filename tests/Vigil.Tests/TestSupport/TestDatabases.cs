using Npgsql;

namespace Vigil.Tests.TestSupport;

public enum DbBackend { Sqlite, Postgres }

/// <summary>
/// Where the tests find PostgreSQL: VIGIL_TEST_POSTGRES, else the connection string that
/// scripts/start-test-postgres.sh wrote to .vigil/test-postgres. Null (and the PostgreSQL cases
/// skip, saying why) when neither names a server that answers.
/// </summary>
public static class TestDatabases
{
    public const string EnvironmentVariable = "VIGIL_TEST_POSTGRES";

    private static readonly Lazy<(string? ConnectionString, string? Why)> Server = new(Probe);

    public static string? PostgresConnectionString => Server.Value.ConnectionString;

    /// <summary>Why PostgreSQL tests skip, or null when they run.</summary>
    public static string? PostgresSkipReason => Server.Value.Why;

    private static (string?, string?) Probe()
    {
        var cs = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(cs))
        {
            var root = RepositoryRoot();
            var file = root is null ? null : Path.Combine(root, ".vigil", "test-postgres");
            if (file is not null && File.Exists(file)) cs = File.ReadAllText(file).Trim();
        }
        if (string.IsNullOrWhiteSpace(cs))
            return (null, $"No PostgreSQL for tests: run scripts/start-test-postgres.sh (scripts/test.sh does) or set {EnvironmentVariable}.");
        try
        {
            using var c = new NpgsqlConnection(cs);
            c.Open();
            return (cs, null);
        }
        catch (Exception e)
        {
            return (null, $"The test PostgreSQL ({cs}) does not answer: {e.Message}. Run scripts/start-test-postgres.sh.");
        }
    }

    public static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Vigil.slnx"))) return dir.FullName;
        return null;
    }
}

/// <summary>A fresh, empty database of one backend for one test; removed afterwards.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string? _pgName;
    private readonly string? _file;

    private TestDatabase(DbBackend backend, string db, string? pgName, string? file)
    {
        Backend = backend;
        Db = db;
        _pgName = pgName;
        _file = file;
    }

    public DbBackend Backend { get; }

    /// <summary>What --db takes: a file path or a connection string.</summary>
    public string Db { get; }

    public static TestDatabase Create(DbBackend backend)
    {
        if (backend == DbBackend.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"vigil-test-{Guid.NewGuid():N}.db");
            return new TestDatabase(backend, file, null, file);
        }
        var admin = TestDatabases.PostgresConnectionString ?? throw new InvalidOperationException(TestDatabases.PostgresSkipReason);
        var name = $"vigil_t_{Guid.NewGuid():N}"[..24];
        using (var c = new NpgsqlConnection(admin))
        {
            c.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", c);
            cmd.ExecuteNonQuery();
        }
        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new TestDatabase(backend, cs, name, null);
    }

    /// <summary>Brings the database's schema to the latest version.</summary>
    public static void Migrate(string db)
    {
        using var store = Vigil.Storage.StoreFactory.Open(db);
        store.Migrate();
    }

    public void Dispose()
    {
        if (_file is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" })
                try { File.Delete(f); } catch (IOException) { }
        }
        if (_pgName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            try
            {
                using var c = new NpgsqlConnection(TestDatabases.PostgresConnectionString);
                c.Open();
                using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgName} WITH (FORCE)", c);
                cmd.ExecuteNonQuery();
            }
            catch (NpgsqlException) { }
        }
    }
}

/// <summary>A theory row for the SQLite backend.</summary>
public sealed class SqliteBackendAttribute : Xunit.Sdk.DataAttribute
{
    public override IEnumerable<object[]> GetData(System.Reflection.MethodInfo testMethod) => [[DbBackend.Sqlite]];
}

/// <summary>A theory row for the PostgreSQL backend; skipped, with the reason, when no test server answers.</summary>
public sealed class PostgresBackendAttribute : Xunit.Sdk.DataAttribute
{
    public PostgresBackendAttribute() => Skip = TestDatabases.PostgresSkipReason!;

    public override IEnumerable<object[]> GetData(System.Reflection.MethodInfo testMethod) => [[DbBackend.Postgres]];
}

/// <summary>A fact that needs the test PostgreSQL; skipped, with the reason, when none answers.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = TestDatabases.PostgresSkipReason!;
}
