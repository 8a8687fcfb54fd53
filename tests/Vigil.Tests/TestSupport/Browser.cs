using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Vigil.Tests.TestSupport;

/// <summary>
/// Debian's chromium driven by Playwright (never a downloaded browser), launched once for all
/// browser tests. Screenshots go to TestResults/screenshots as test artefacts.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotDirectory =>
        Path.Combine(TestDatabases.RepositoryRoot() ?? AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium)) return;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }

    public static async Task Screenshot(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>A browser test; skipped, saying why, when Debian's chromium is not installed.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(BrowserFixture.Chromium)) Skip = $"{BrowserFixture.Chromium} is missing: apt-get install chromium (scripts/setup-machine.sh does).";
    }
}

public static class ServerFactoryExtensions
{
    /// <summary>Starts the factory's server on a real loopback port (a browser needs one) and returns its address.</summary>
    /// <remarks>
    /// The port is given as a Kestrel listen option, not as <c>UseKestrel(port)</c>: that overload rewrites the server's
    /// address list after the app has started binding, a race the framework loses now and then
    /// ("Addresses cannot be modified after the server has started").
    /// </remarks>
    public static string StartOnLoopback(this VigilServerFactory factory)
    {
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return addresses.First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1").TrimEnd('/');
    }
}
