using System.Net;
using System.Net.Sockets;
using System.Text;
using Vigil.Screening;

namespace Vigil.Tests.Screening;

/// <summary>Updates against a local server on 127.0.0.1: never the internet.</summary>
public sealed class ListUpdaterTests : IDisposable
{
    private const string GoodList = """
        <?xml version="1.0" encoding="UTF-8"?>
        <CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09.554Z"><INDIVIDUALS><INDIVIDUAL>
        <FIRST_NAME>KIM</FIRST_NAME><SECOND_NAME>JONG UN</SECOND_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPi.999</REFERENCE_NUMBER>
        </INDIVIDUAL></INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>
        """;

    private readonly HttpListener listener = new();
    private readonly string prefix;
    private readonly DirectoryInfo cache = Directory.CreateTempSubdirectory("vigil-cache-");
    private string body = GoodList;
    private int requests;
    private string? lastIfNoneMatch;

    public ListUpdaterTests()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        prefix = $"http://127.0.0.1:{port}/";
        listener.Prefixes.Add(prefix);
        listener.Start();
        _ = Task.Run(Serve);
    }

    private async Task Serve()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); } catch (Exception) { return; }
            Interlocked.Increment(ref requests);
            lastIfNoneMatch = context.Request.Headers["If-None-Match"];
            var etag = "\"" + body.GetHashCode().ToString("x") + "\"";
            if (lastIfNoneMatch == etag) { context.Response.StatusCode = 304; context.Response.Close(); continue; }
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.Headers["ETag"] = etag;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private ListSource Source => new("UN-SC", new Uri(prefix + "consolidated.xml"), "un/consolidated.xml");

    private IReadOnlyList<ListUpdateOutcome> Update()
    {
        using var http = new HttpClient();
        return new ListUpdater(http, cache.FullName).UpdateAsync([Source]).GetAwaiter().GetResult();
    }

    [Fact]
    public void Downloads_then_asks_conditionally_and_keeps_the_good_copy_when_a_new_one_is_broken()
    {
        Assert.Equal("updated", Update().Single().Status);
        Assert.Contains(ListLoader.Load(cache.FullName).Entries, e => e.ListId == "KPi.999");

        Assert.Equal("unchanged", Update().Single().Status);
        Assert.NotNull(lastIfNoneMatch);

        body = GoodList[..(GoodList.Length / 2)];
        var failed = Update().Single();
        Assert.Equal("failed", failed.Status);
        Assert.Contains("previous copy is kept", failed.Message);
        var loaded = ListLoader.Load(cache.FullName);
        Assert.Contains(loaded.Entries, e => e.ListId == "KPi.999");
        Assert.Empty(loaded.Problems);
    }

    [Fact]
    public void An_unreachable_server_fails_without_touching_the_cache()
    {
        listener.Stop();
        var outcome = Update().Single();
        Assert.Equal("failed", outcome.Status);
        Assert.Contains("127.0.0.1", outcome.Message);
        Assert.Empty(ListLoader.Load(cache.FullName).Entries);
    }

    [Fact]
    public void Update_from_a_folder_copies_the_list_files_it_recognises()
    {
        var source = Directory.CreateTempSubdirectory("vigil-from-");
        try
        {
            File.WriteAllText(Path.Combine(source.FullName, "consolidated.xml"), GoodList);
            File.WriteAllText(Path.Combine(source.FullName, "notes.md"), "not a list");
            var outcomes = new ListUpdater(new HttpClient(), cache.FullName).UpdateFrom(source.FullName);
            Assert.Equal("updated", Assert.Single(outcomes).Status);
            Assert.Contains(ListLoader.Load(cache.FullName).Entries, e => e.ListId == "KPi.999");
        }
        finally { source.Delete(recursive: true); }
    }

    public void Dispose()
    {
        if (listener.IsListening) listener.Stop();
        listener.Close();
        cache.Delete(recursive: true);
    }
}
