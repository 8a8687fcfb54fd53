using System.CommandLine;

namespace Vigil.Cli.Commands;

/// <summary>Options that several commands share, defined once so they read the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string> Db() => new("--db")
    {
        Description = "SQLite file (default ./vigil.db) or a PostgreSQL connection string (Host=...;Database=vigil).",
        DefaultValueFactory = _ => "vigil.db",
    };

    public static Option<string?> Lists() => new("--lists")
    {
        Description = "Folder of sanctions list files (default: $VIGIL_LISTS, the lists cache, or ../shared/data/sanctions).",
    };
}
