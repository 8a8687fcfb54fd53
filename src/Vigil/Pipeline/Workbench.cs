using Vigil.Analysis;
using Vigil.Extraction;
using Vigil.Model;
using Vigil.Screening;
using Vigil.Storage;

namespace Vigil.Pipeline;

/// <summary>Where a workbench keeps its data and finds its lists.</summary>
public sealed record WorkbenchOptions(string Db = "vigil.db", string? ListsDirectory = null);

/// <summary>
/// Vigil assembled: the store, the loaded sanctions lists, and the analysis pipeline built on
/// them. The CLI, the server and the worker all start from here, so they analyse alike.
/// </summary>
public sealed class Workbench : IDisposable
{
    public IStore Store { get; }
    public ListLoadResult Lists { get; }
    public string? ListsDirectory { get; }
    public IScreener? Screener { get; }
    public AnalysisPipeline Pipeline { get; }
    public AnalyzeWorkflow Workflow { get; }

    private Workbench(IStore store, string? listsDirectory, ListLoadResult lists)
    {
        Store = store;
        ListsDirectory = listsDirectory;
        Lists = lists;
        Screener = lists.Entries.Count > 0 ? new Screener(lists.Entries) : null;
        var extractor = new Extractor(lists.Entries, ExtractorOptions.WithCachedModels());
        var resolver = new EntityResolver();
        Pipeline = new AnalysisPipeline(extractor, resolver, Screener is null ? null : new EntityScreening(Screener),
            [Analyzer.WithDefaultProvisions(resolver)]);
        Workflow = new AnalyzeWorkflow(store, Pipeline);
    }

    /// <summary>Opens (and migrates) the store and loads the lists. Problems with lists are reported in <see cref="Lists"/>, not thrown.</summary>
    public static Workbench Open(WorkbenchOptions options)
    {
        var listsDir = ListSources.ResolveDirectory(options.ListsDirectory);
        var lists = listsDir is null ? new ListLoadResult([], [], []) : ListLoader.Load(listsDir);
        var store = StoreFactory.Open(options.Db);
        try
        {
            store.Migrate();
            return new Workbench(store, listsDir, lists);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public void Dispose() => Store.Dispose();
}
