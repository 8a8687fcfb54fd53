using Microsoft.Playwright;
using Vigil.Tests.TestSupport;

namespace Vigil.Tests.Server.Ui;

/// <summary>The web UI in a real browser: the pages people use, and hostile documents staying inert.</summary>
[Collection(BrowserCollection.Name)]
public sealed class UiEndpointsTests(BrowserFixture browser)
{
    private async Task<(IPage Page, IBrowserContext Context)> NewPage()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        // Generous: the 2-core CI machine runs the other test classes at the same time.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        // Anything a document manages to run would set window.__pwned or open a dialog.
        page.Dialog += (_, d) => throw new InvalidOperationException($"a dialog opened: {d.Message}");
        return (page, context);
    }

    [BrowserFact]
    public async Task The_dashboard_lists_stories_and_sanctioned_entities_and_leads_to_an_entity_page_with_its_hits_and_graph()
    {
        using var factory = new VigilServerFactory();
        var url = factory.StartOnLoopback();
        var (page, context) = await NewPage();
        await using var _ = context;

        await page.GotoAsync(url + "/");
        Assert.Contains("Vertice <i>Kim</i>–Putin", await page.Locator("#stories").InnerTextAsync());
        await BrowserFixture.Screenshot(page, "dashboard");

        await page.Locator("#sanctioned a", new() { HasText = "Kim Jong Un" }).ClickAsync();
        await page.WaitForURLAsync("**/entity/ent-kim");
        Assert.Contains("KPi.033", await page.Locator("#hits").InnerTextAsync());
        Assert.Equal(1, await page.Locator("svg#graph").CountAsync());
        Assert.Contains("Vladimir Putin", await page.Locator("svg#graph").InnerHTMLAsync());
        await BrowserFixture.Screenshot(page, "entity");
    }

    [BrowserFact]
    public async Task A_reviewer_marks_a_hit_false_positive_and_it_moves_to_the_suppressed_list_with_the_trail()
    {
        using var factory = new VigilServerFactory();
        var url = factory.StartOnLoopback();
        var (page, context) = await NewPage();
        await using var _ = context;

        await page.GotoAsync(url + "/entity/ent-kim");
        await page.FillAsync("#reviewer", "Ana Analyst");
        await page.FillAsync("#review-note", "born 1982, not the listed man");
        await page.Locator("#hits tr", new() { HasText = "20193" }).Locator("button", new() { HasText = "Mark false positive" }).ClickAsync();
        await page.Locator("#suppressed").WaitForAsync();

        Assert.DoesNotContain("20193", await page.Locator("#hits").InnerTextAsync());
        Assert.Contains("20193", await page.Locator("#suppressed").InnerTextAsync());
        var trail = await page.Locator("#review-trail").InnerTextAsync();
        Assert.Contains("Ana Analyst", trail);
        Assert.Contains("false_positive", trail);
        await BrowserFixture.Screenshot(page, "review");
    }

    [BrowserFact]
    public async Task The_screening_page_shows_hits_with_their_explanations()
    {
        using var factory = new VigilServerFactory();
        var url = factory.StartOnLoopback();
        var (page, context) = await NewPage();
        await using var _ = context;

        await page.GotoAsync(url + "/screening");
        await page.FillAsync("#screen-form input[name=name]", "Kim Jong Un");
        await page.ClickAsync("#screen-form button");
        await page.WaitForURLAsync("**/screening?name=*");
        var results = await page.Locator("#screen-results").InnerTextAsync();
        Assert.Contains("KPi.033", results);
        Assert.Contains("of the name tokens agree", results);
        await BrowserFixture.Screenshot(page, "screening");
    }

    [BrowserFact]
    public async Task A_hostile_document_renders_inert_everywhere_it_appears()
    {
        using var factory = new VigilServerFactory();
        var url = factory.StartOnLoopback();
        var (page, context) = await NewPage();
        await using var _ = context;

        foreach (var path in new[] { "/", "/document/doc-2", "/entity/ent-evil", "/entity/ent-kim", "/claims", "/timeline", "/entity" })
        {
            await page.GotoAsync(url + path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.Null(await page.EvaluateAsync<int?>("() => window.__pwned ?? null"));
            // The only scripts are the UI's own; no element from a document carries a handler or a javascript: link.
            Assert.Equal(["/ui/app.js"], (await page.EvaluateAsync<string[]>("() => [...document.scripts].map(s => new URL(s.src).pathname)")));
            Assert.Equal(0, await page.Locator("[onerror], [onclick], [onload], a[href^='javascript:' i]").CountAsync());
            Assert.Equal(0, await page.Locator("main img").CountAsync());
        }

        await page.GotoAsync(url + "/document/doc-2");
        var text = await page.Locator("#document-text").InnerTextAsync();
        Assert.Contains("<script>window.__pwned = 1</script>", text);
        Assert.Contains("<a href=\"javascript:window.__pwned = 3\">", text);
        Assert.Contains("javascript:alert(1)", await page.Locator("dl.meta").InnerTextAsync());
        await BrowserFixture.Screenshot(page, "hostile-document");
    }

    [BrowserFact]
    public async Task A_file_ingested_through_the_ui_shows_progress_and_then_appears_on_the_dashboard()
    {
        var lists = Directory.CreateTempSubdirectory("vigil-empty-lists-");
        using var factory = VigilServerFactory.With(realStore: true, settings: new() { ["Vigil:Lists"] = lists.FullName });
        var url = factory.StartOnLoopback();
        var (page, context) = await NewPage();
        await using var _ = context;
        var file = Path.Combine(lists.Parent!.FullName, $"vigil-ui-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, "Kim Jong Un ha incontrato Vladimir Putin a Pyongyang il 19 giugno 2024. I due leader hanno firmato un trattato di partenariato strategico globale.");

        await page.GotoAsync(url + "/ingest");
        await page.SetInputFilesAsync("#upload-files", file);
        await page.ClickAsync("#upload-form button");
        await page.Locator("#progress li[data-status=done]").WaitForAsync(new() { Timeout = 60_000 });
        Assert.Contains("1 new document(s)", await page.Locator("#progress").InnerTextAsync());
        await BrowserFixture.Screenshot(page, "ingest");

        await page.GotoAsync(url + "/");
        Assert.Contains(Path.GetFileName(file), await page.Locator("#documents").InnerTextAsync());
        // The ingest queued an analysis; its entities show once it has run.
        await page.GotoAsync(url + "/entity");
        for (var i = 0; i < 120 && (await page.Locator("#entities td.empty").CountAsync()) > 0; i++)
        {
            await Task.Delay(500);
            await page.GotoAsync(url + "/entity");
        }
        Assert.Equal(0, await page.Locator("#entities td.empty").CountAsync());
        Assert.Contains("Pyongyang", await page.Locator("#entities").InnerTextAsync());
        File.Delete(file);
        lists.Delete();
    }
}
