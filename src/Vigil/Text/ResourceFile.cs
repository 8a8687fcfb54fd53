namespace Vigil.Text;

/// <summary>Locates Vigil's own reviewed resources (copied beside the binaries from resources/).</summary>
public static class ResourceFile
{
    public static string Path(params string[] parts)
    {
        var inOutput = System.IO.Path.Combine([AppContext.BaseDirectory, "resources", .. parts]);
        if (File.Exists(inOutput)) return inOutput;
        // Running from a source tree without a copy step (e.g. a script host): walk up to the repository.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine([dir.FullName, "resources", .. parts]);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"Vigil resource '{string.Join('/', parts)}' is missing; it ships in resources/ of the repository.", inOutput);
    }
}
