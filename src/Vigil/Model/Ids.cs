using System.Security.Cryptography;
using System.Text;

namespace Vigil.Model;

/// <summary>Stable, content-derived identifiers (FollowTheMoney style: a prefix and a hash).</summary>
public static class Ids
{
    public static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>A short id from the given parts: same parts, same id, on every machine.</summary>
    public static string Derive(string prefix, params string[] parts) =>
        prefix + "-" + Hash(string.Join('\u001f', parts))[..16];
}
