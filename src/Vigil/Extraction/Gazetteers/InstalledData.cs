namespace Vigil.Extraction.Gazetteers;

/// <summary>
/// Data that scripts/setup-machine.sh installs outside the repository, because its licence or size keeps it out: where
/// it is looked for (an environment variable, else a fixed folder), whether it is there, and how to install it if not.
/// </summary>
/// <param name="Description">What the data is and which package brings it, to begin the message when it is missing.</param>
public sealed record InstalledData(string Description, string EnvironmentVariable, string DefaultDirectory, IReadOnlyList<string> Files)
{
    /// <summary><see cref="EnvironmentVariable"/> when set, else <see cref="DefaultDirectory"/>.</summary>
    public string Directory => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } dir ? dir : DefaultDirectory;

    public bool IsInstalledAt(string directory) => Files.All(f => File.Exists(Path.Combine(directory, f)));

    /// <summary>What is missing and how to install it.</summary>
    public string MissingMessage(string directory) =>
        $"{Description} was not found in {directory}. Install it with `sudo bash scripts/setup-machine.sh` (puts it in {DefaultDirectory}), " +
        $"or point {EnvironmentVariable} at a directory holding {string.Join(", ", Files)}.";

    /// <summary>The data read by <paramref name="load"/> from <see cref="Directory"/> on first use, once per process; null when it is not installed.</summary>
    public Lazy<T?> LoadOnce<T>(Func<string, T> load) where T : class =>
        new(() => IsInstalledAt(Directory) ? load(Directory) : null, LazyThreadSafetyMode.ExecutionAndPublication);
}
