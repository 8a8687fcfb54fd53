namespace Vigil.Evaluation;

/// <summary>
/// Finds the read-only shared data folder (`../shared` beside the repository): the seeds,
/// the sanctions lists and the evaluation sets are read there in place, never copied.
/// </summary>
public static class SharedData
{
    public const string EnvironmentVariable = "VIGIL_SHARED";

    /// <summary>The shared folder, or null when none is found.</summary>
    public static string? TryFindRoot()
    {
        var fromEnv = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnv) && Directory.Exists(fromEnv)) return System.IO.Path.GetFullPath(fromEnv);
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "..", "shared");
                if (Directory.Exists(System.IO.Path.Combine(candidate, "data"))) return System.IO.Path.GetFullPath(candidate);
            }
        }
        return null;
    }

    public static string FindRoot() => TryFindRoot() ?? throw new DirectoryNotFoundException(
        $"The shared data folder was not found. Put it beside the repository as ../shared, or set {EnvironmentVariable}.");

    /// <summary>A path under the shared folder, e.g. Path("data", "sanctions").</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([FindRoot(), .. parts]);
}
