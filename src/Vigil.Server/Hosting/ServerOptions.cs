namespace Vigil.Server.Hosting;

/// <summary>
/// Settings of `vigil serve`, bound from the "Vigil" configuration section (command line
/// <c>--Vigil:Db=...</c>, environment <c>Vigil__Db</c>, or appsettings).
/// </summary>
public sealed class ServerOptions
{
    public const string Section = "Vigil";

    /// <summary>A SQLite file path, or a PostgreSQL connection string ("Host=...;Database=vigil").</summary>
    public string Db { get; set; } = "vigil.db";

    /// <summary>Folder of sanctions list files; default: VIGIL_LISTS, then ../shared/data/sanctions.</summary>
    public string? Lists { get; set; }

    /// <summary>
    /// Required in the X-Api-Key header of every write request when the server listens beyond
    /// loopback; without one such a server refuses writes. Loopback-only servers accept writes without it.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>Run a job worker inside the server process (the ingest page needs one somewhere).</summary>
    public bool Worker { get; set; } = true;

    /// <summary>Largest request body accepted, in bytes (uploads included).</summary>
    public long MaxRequestBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Read requests per second per client address (a token bucket; /match included).</summary>
    public int ReadPerSecond { get; set; } = 5000;

    /// <summary>Write requests per minute per client address.</summary>
    public int WritesPerMinute { get; set; } = 120;

    /// <summary>Where uploaded files wait for the ingest worker.</summary>
    public string Uploads { get; set; } = Path.Combine(".vigil", "uploads");
}
