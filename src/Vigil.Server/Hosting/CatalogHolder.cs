using Vigil.Server.Api;

namespace Vigil.Server.Hosting;

/// <summary>Loads the sanctions lists once, on first use, and shares the catalog across requests.</summary>
public sealed class CatalogHolder(Func<ScreeningCatalog> load) : IDisposable
{
    private readonly Lazy<ScreeningCatalog> _catalog = new(load, LazyThreadSafetyMode.ExecutionAndPublication);

    public ScreeningCatalog Catalog => _catalog.Value;

    public bool IsLoaded => _catalog.IsValueCreated;

    public void Dispose()
    {
        if (_catalog.IsValueCreated) _catalog.Value.Dispose();
    }
}
