using Vigil.Screening;
using Vigil.Server.Api;
using Vigil.Storage;

namespace Vigil.Server.Hosting;

/// <summary>How the server finds its database and its lists (the defaults that tests replace).</summary>
public static class ServerComposition
{
    public static Backend OpenBackend(ServerOptions options)
    {
        var store = StoreFactory.Open(options.Db);
        store.Migrate();
        return new Backend(store, StoreFactory.OpenJobs(options.Db), StoreFactory.OpenReviews(options.Db));
    }

    public static ScreeningCatalog LoadCatalog(ServerOptions options, ILoggerFactory logs)
    {
        var log = logs.CreateLogger("Vigil.Lists");
        string? folder;
        try
        {
            folder = ListSources.ResolveDirectory(options.Lists);
        }
        catch (DirectoryNotFoundException e)
        {
            log.LogError("{Message}", e.Message);
            return ScreeningCatalog.Empty(new NoScreener(), e.Message);
        }
        if (folder is null)
        {
            var why = $"No sanctions lists found: pass --lists DIR, set {ListSources.EnvironmentVariable}, or run `vigil lists update`.";
            log.LogWarning("{Why}", why);
            return ScreeningCatalog.Empty(new NoScreener(), why);
        }
        return ScreeningLoader.Load(folder, log);
    }

    /// <summary>Screens nothing: the server still answers when no list is loaded.</summary>
    private sealed class NoScreener : IScreener
    {
        public IReadOnlyList<Model.SanctionHit> Screen(ScreeningQuery query, int limit = 10, double minScore = 0.5) => [];
    }
}
