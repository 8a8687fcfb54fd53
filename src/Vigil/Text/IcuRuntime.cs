using Icu;

namespace Vigil.Text;

/// <summary>
/// Loads the machine's ICU once, for every caller. icu.net must be told the installed version
/// before its first call; a caller that touched ICU earlier without this leaves it half-configured
/// (entry points such as u_init_0 not found), so all ICU use goes through <see cref="EnsureReady"/>.
/// </summary>
public static class IcuRuntime
{
    private static readonly Lazy<bool> Ready = new(() =>
    {
        // Without a hint icu.net probes many library versions before finding the installed one.
        const string libDir = "/usr/lib/x86_64-linux-gnu";
        var installed = Directory.Exists(libDir) ? Directory.GetFiles(libDir, "libicuuc.so.*") : [];
        var version = installed.Select(f => Path.GetFileName(f).Split('.')).Select(p => p.Length > 2 && int.TryParse(p[2], out var v) ? v : 0).DefaultIfEmpty(0).Max();
        if (version > 0) Wrapper.ConfineIcuVersions(version, version);
        Wrapper.Init();
        return true;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void EnsureReady() => _ = Ready.Value;
}
