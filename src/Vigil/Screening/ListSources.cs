using Vigil.Evaluation;

namespace Vigil.Screening;

/// <summary>
/// Where the sanctions lists come from, in order: an explicit folder, $VIGIL_LISTS, the lists
/// cache that `vigil lists update` fills, then ../shared/data/sanctions when it exists.
/// </summary>
public static class ListSources
{
    public const string EnvironmentVariable = "VIGIL_LISTS";

    /// <summary>The cache folder: $VIGIL_CACHE/lists, else $XDG_CACHE_HOME/vigil/lists, else ~/.cache/vigil/lists.</summary>
    public static string CacheDirectory
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("VIGIL_CACHE");
            if (string.IsNullOrEmpty(root))
            {
                var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
                root = Path.Combine(string.IsNullOrEmpty(xdg) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache") : xdg, "vigil");
            }
            return Path.Combine(root, "lists");
        }
    }

    /// <summary>Where parsed lists are kept between loads (a hidden folder of the lists cache, which the loader skips).</summary>
    public static string SnapshotDirectory => Path.Combine(CacheDirectory, ".snapshots");

    /// <summary>The folder to load lists from, or null when there is none anywhere.</summary>
    /// <exception cref="DirectoryNotFoundException">An explicitly named folder does not exist.</exception>
    public static string? ResolveDirectory(string? explicitDirectory)
    {
        if (!string.IsNullOrEmpty(explicitDirectory))
            return Directory.Exists(explicitDirectory) ? Path.GetFullPath(explicitDirectory)
                : throw new DirectoryNotFoundException($"The lists folder '{explicitDirectory}' does not exist. Give --lists an existing folder of list files, or run `vigil lists update`.");
        var fromEnv = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnv))
            return Directory.Exists(fromEnv) ? Path.GetFullPath(fromEnv)
                : throw new DirectoryNotFoundException($"{EnvironmentVariable} names '{fromEnv}', which does not exist. Point it at a folder of list files, or unset it.");
        // Hidden entries (.snapshots/, .meta/, .previous/) are bookkeeping, not lists.
        if (Directory.Exists(CacheDirectory) && Directory.EnumerateFileSystemEntries(CacheDirectory).Any(e => !Path.GetFileName(e).StartsWith('.'))) return CacheDirectory;
        var shared = SharedData.TryFindRoot();
        if (shared is not null && Directory.Exists(Path.Combine(shared, "data", "sanctions"))) return Path.Combine(shared, "data", "sanctions");
        return null;
    }
}
