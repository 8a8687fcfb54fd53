using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Vigil.Server.Api;
using Vigil.Server.Hosting;
using Vigil.Server.Ui;

namespace Vigil.Server;

/// <summary>
/// Builds the Vigil web application: REST API (/api), yente-compatible matching (/match,
/// /search, /entities), web UI (/), OpenAPI document (/openapi/v1.json) and /health, with
/// request-size and rate limits, API-key-guarded writes, and an optional in-process job worker.
/// </summary>
public static class VigilServer
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var services = builder.Services;
        // One line per request is noise at 1,000 requests/s; warnings and errors still show.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        services.AddOptions<ServerOptions>().Bind(builder.Configuration.GetSection(ServerOptions.Section));
        services.AddSingleton(sp => ServerComposition.OpenBackend(sp.GetRequiredService<IOptions<ServerOptions>>().Value));
        services.AddSingleton(sp => new CatalogHolder(() => ServerComposition.LoadCatalog(sp.GetRequiredService<IOptions<ServerOptions>>().Value, sp.GetRequiredService<ILoggerFactory>())));
        services.AddSingleton<ListenScope>();
        services.AddSingleton<ApiKeyFilter>();
        services.AddHostedService<EmbeddedWorker>();
        services.AddVigilRateLimits();
        services.AddProblemDetails();
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.DictionaryKeyPolicy = null;
        });
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ServerOptions>>((k, o) => k.Limits.MaxRequestBodySize = o.Value.MaxRequestBytes);
        services.AddOptions<FormOptions>().Configure<IOptions<ServerOptions>>((f, o) => f.MultipartBodyLengthLimit = o.Value.MaxRequestBytes);

        var app = builder.Build();
        // Load the lists in the background at start-up, so the first /match does not wait for them.
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(() => app.Services.GetRequiredService<CatalogHolder>().Catalog));
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(async (ctx, next) =>
        {
            // Kestrel enforces the body limit while reading; this answers early, and also under test hosts.
            var max = ctx.RequestServices.GetRequiredService<IOptions<ServerOptions>>().Value.MaxRequestBytes;
            if (ctx.Request.ContentLength > max)
            {
                await Results.Problem(statusCode: 413, title: "Request too large",
                    detail: $"The request body is {ctx.Request.ContentLength:N0} bytes; this server accepts at most {max:N0}. Send fewer or smaller files.").ExecuteAsync(ctx);
                return;
            }
            var headers = ctx.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            await next();
        });
        app.UseRateLimiter();

        app.MapOpenApi();
        app.MapGet("/health", (Backend b, CatalogHolder c) => Results.Ok(new
        {
            status = "ok",
            store = b.Read(s => s.Count()),
            lists_loaded = c.IsLoaded,
        })).WithTags("health").WithSummary("Liveness and row counts");
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" })).ExcludeFromDescription();
        ApiEndpoints.Map(app);
        YenteEndpoints.Map(app);
        UiEndpoints.Map(app);
        return app;
    }
}
