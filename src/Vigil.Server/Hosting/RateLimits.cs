using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Vigil.Server.Hosting;

/// <summary>Per-client-address limits: a generous token bucket for reads, a tight window for writes.</summary>
internal static class RateLimits
{
    public const string Read = "read";
    public const string Write = "write";

    public static IServiceCollection AddVigilRateLimits(this IServiceCollection services) => services.AddRateLimiter(o =>
    {
        o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        o.OnRejected = async (ctx, ct) =>
        {
            ctx.HttpContext.Response.Headers.RetryAfter = "1";
            await Results.Problem(detail: "Too many requests from this address; wait a moment and retry (see Retry-After).", statusCode: 429, title: "Rate limited")
                .ExecuteAsync(ctx.HttpContext);
        };
        o.AddPolicy(Read, ctx =>
        {
            var opt = ctx.RequestServices.GetRequiredService<IOptions<ServerOptions>>().Value;
            return RateLimitPartition.GetTokenBucketLimiter(ClientKey(ctx), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, opt.ReadPerSecond),
                TokensPerPeriod = Math.Max(1, opt.ReadPerSecond),
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
        o.AddPolicy(Write, ctx =>
        {
            var opt = ctx.RequestServices.GetRequiredService<IOptions<ServerOptions>>().Value;
            return RateLimitPartition.GetFixedWindowLimiter(ClientKey(ctx), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, opt.WritesPerMinute),
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        });
    });

    private static string ClientKey(HttpContext ctx) => ctx.Connection.RemoteIpAddress?.ToString() ?? "local";
}
