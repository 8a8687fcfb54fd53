using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Vigil.Server.Hosting;

/// <summary>
/// Guards write endpoints. A configured key is always required (header X-Api-Key); without one,
/// writes are allowed only while the server listens on loopback addresses alone, so exposing
/// the server on a network never silently exposes its write side.
/// </summary>
internal sealed class ApiKeyFilter(IOptions<ServerOptions> options, ListenScope scope) : IEndpointFilter
{
    public const string Header = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var key = options.Value.ApiKey;
        if (string.IsNullOrEmpty(key))
        {
            if (!scope.IsLoopbackOnly)
                return Results.Problem(statusCode: 403, title: "Writes disabled",
                    detail: "This server listens beyond loopback and has no API key: start it with --api-key (or Vigil__ApiKey) to allow writes.");
            return await next(context);
        }
        var given = context.HttpContext.Request.Headers[Header].ToString();
        if (!FixedTimeEquals(given, key))
            return Results.Problem(statusCode: 401, title: "API key required",
                detail: $"This endpoint writes: send the server's API key in the {Header} header.");
        return await next(context);
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(a)), SHA256.HashData(Encoding.UTF8.GetBytes(b)));
}

/// <summary>Whether every address the server listens on is a loopback one.</summary>
public class ListenScope(IServer server)
{
    public virtual bool IsLoopbackOnly
    {
        get
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
            if (addresses is null || addresses.Count == 0) return true;
            return addresses.All(IsLoopback);
        }
    }

    public static bool IsLoopback(string address)
    {
        if (!Uri.TryCreate(address.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0"), UriKind.Absolute, out var uri)) return false;
        if (uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }
}
