using Vigil.Evaluation;
using Vigil.Screening;

namespace Vigil.Tests.Screening;

/// <summary>The real lists in ../shared/data/sanctions, loaded once per test class, and a screener over them.</summary>
public sealed class SanctionsListsFixture
{
    public ListLoadResult Loaded { get; }
    public Screener Screener { get; }

    public SanctionsListsFixture()
    {
        Loaded = ListLoader.Load(SharedData.Path("data", "sanctions"));
        Screener = new Screener(Loaded.Entries);
    }
}
