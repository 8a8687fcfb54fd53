using System.Net;
using System.Net.Sockets;

namespace Vigil.Tests.Ingest;

/// <summary>An HTTP server on 127.0.0.1 for network tests: never the internet.</summary>
public sealed class LocalServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Func<HttpListenerContext, Task> handler;
    private int requests;

    public LocalServer(Func<HttpListenerContext, Task> handler)
    {
        this.handler = handler;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = $"http://127.0.0.1:{port}/";
        listener.Prefixes.Add(BaseUrl);
        listener.Start();
        _ = Task.Run(Loop);
    }

    public string BaseUrl { get; }

    public int Requests => Volatile.Read(ref requests);

    public string Url(string path) => BaseUrl + path.TrimStart('/');

    private async Task Loop()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception) { return; }
            Interlocked.Increment(ref requests);
            _ = Task.Run(async () =>
            {
                try { await handler(context); }
                catch (Exception) { /* the client went away */ }
                finally
                {
                    try { context.Response.Close(); } catch (Exception) { }
                }
            });
        }
    }

    public static async Task Send(HttpListenerContext context, byte[] body, string contentType, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength64 = body.Length;
        await context.Response.OutputStream.WriteAsync(body);
    }

    public static Task Send(HttpListenerContext context, string body, string contentType = "text/html; charset=utf-8", int status = 200) =>
        Send(context, System.Text.Encoding.UTF8.GetBytes(body), contentType, status);

    public void Dispose()
    {
        stop.Cancel();
        try { listener.Stop(); listener.Close(); } catch (Exception) { }
    }
}
