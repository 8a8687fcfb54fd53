using Vigil.Screening;
using Vigil.Server.Api;

namespace Vigil.Server.Hosting;

/// <summary>Loads the list files of a folder and builds the screener over them.</summary>
internal static class ScreeningLoader
{
    public static ScreeningCatalog Load(string folder, ILogger log)
    {
        // Filled in when the screening stage's loader is available.
        throw new NotSupportedException($"Screening is not available in this build; cannot load '{folder}'.");
    }
}
