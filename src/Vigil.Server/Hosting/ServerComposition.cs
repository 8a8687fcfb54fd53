using Vigil.Evaluation;
using Vigil.Screening;
using Vigil.Server.Api;
using Vigil.Storage;

namespace Vigil.Server.Hosting;

/// <summary>How the server finds its database and its lists (the defaults that tests replace).</summary>
public static class ServerComposition
{
    public const string ListsEnvironmentVariable = "VIGIL_LISTS";

    public static Backend OpenBackend(ServerOptions options)
    {
        var store = StoreFactory.Open(options.Db);
        store.Migrate();
        StoreFactory.MigrateWork(options.Db);
        return new Backend(store, StoreFactory.OpenJobs(options.Db), StoreFactory.OpenReviews(options.Db));
    }

    /// <summary>The lists folder: the option, else VIGIL_LISTS, else ../shared/data/sanctions.</summary>
    public static string? ListsFolder(ServerOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Lists)) return options.Lists;
        var env = Environment.GetEnvironmentVariable(ListsEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env)) return env;
        var shared = SharedData.TryFindRoot();
        return shared is null ? null : Path.Combine(shared, "data", "sanctions");
    }

    public static ScreeningCatalog LoadCatalog(ServerOptions options, ILoggerFactory logs)
    {
        var log = logs.CreateLogger("Vigil.Lists");
        var folder = ListsFolder(options);
        if (folder is null || !Directory.Exists(folder))
        {
            var why = $"No sanctions lists found (looked in '{folder ?? "(none)"}'): pass --lists DIR or set {ListsEnvironmentVariable}.";
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
