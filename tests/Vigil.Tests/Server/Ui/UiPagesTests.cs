using System.Net;
using Vigil.Tests.TestSupport;

namespace Vigil.Tests.Server.Ui;

/// <summary>Server-rendered pages read over HTTP (no browser): what the analysis records show and how document text is escaped.</summary>
public class UiPagesTests
{
    private static async Task<string> Get(string path)
    {
        using var factory = new VigilServerFactory();
        using var client = factory.CreateClient();
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task The_timeline_groups_claims_by_story_with_the_date_the_text_gives()
    {
        var html = await Get("/timeline");
        Assert.Contains("<section class=\"story-timeline\">", html);
        Assert.Contains("<time class=\"text\" title=\"day precision\">2024-06-19</time>", html);
        Assert.Contains("<span class=\"type\">meeting</span>", html);
        // The hostile claim's words are shown, escaped.
        Assert.DoesNotContain("<script>alert(2)</script>", html);
        Assert.DoesNotContain("<script>window.__pwned", html);
    }

    [Fact]
    public async Task An_entity_page_lists_the_relations_its_claims_state_with_links_to_the_other_party()
    {
        var html = await Get("/entity/ent-kim");
        Assert.Contains("Relations stated by claims", html);
        Assert.Contains(">met<", html);
        Assert.Contains("<a href=\"/entity/ent-putin\">Vladimir Putin</a>", html);
        Assert.Contains("href=\"/document/doc-1\"", html);
    }
}
