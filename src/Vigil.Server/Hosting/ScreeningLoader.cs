using Vigil.Screening;
using Vigil.Server.Api;

namespace Vigil.Server.Hosting;

/// <summary>Loads the list files of a folder and builds the screener over them.</summary>
internal static class ScreeningLoader
{
    public static ScreeningCatalog Load(string folder, ILogger log)
    {
        var loaded = ListLoader.Load(folder);
        foreach (var p in loaded.Problems) log.LogWarning("List {File}: {Message}", p.File, p.Message);
        log.LogInformation("Lists: {Entries} entries from {Lists} list file(s) in {Folder}", loaded.Entries.Count, loaded.Lists.Count, folder);
        return new ScreeningCatalog(loaded.Entries, new Screener(loaded.Entries), loaded.Problems);
    }
}
