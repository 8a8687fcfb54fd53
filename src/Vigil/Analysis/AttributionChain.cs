using System.Text.RegularExpressions;

namespace Vigil.Analysis;

/// <summary>One party a claim ultimately comes from, and who relayed it (if anyone).</summary>
public sealed record AttributedOrigin(string Origin, string? Via);

/// <summary>
/// Reads an attribution ("Yonhap, citing the NIS", "Vladimir Putin, as reported by TASS",
/// "Pentagon; NATO", "secondo fonti dell'intelligence sudcoreana") down to the parties that
/// originate the claim: a relay that cites someone passes the claim on and is not a source of its own.
/// </summary>
public static partial class AttributionChain
{
    // "X citing Y": Y is the origin. English, Italian, French, Spanish, German forms.
    [GeneratedRegex(@"^(?<relay>.+?)[,\s]+(?:citing|quoting|citando|che cita|cita|citant|citing sources in|according to|secondo|sulla base di|based on|unter berufung auf|selon|según)\s+(?<origin>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Citing();

    // "X, as reported by Y" / "X via Y" / "X, to TASS": X is the origin, Y relays.
    [GeneratedRegex(@"^(?<origin>.+?)(?:,\s*(?:to|in|on)|[,\s]+(?:as reported by|reported by|as quoted by|quoted by|via|in an article in|article in|in an interview with|riportato da|come riportato da|citato da|ripreso da|secondo quanto riportato da|intervistato da|interviewed by|speaking to|told))\s+(?<relay>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Relayed();

    [GeneratedRegex(@"^(?:according to|secondo|per|selon|según|laut)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Leading();

    [GeneratedRegex(@"^(?:the|a|an|il|lo|la|l'|l’|i|gli|le|die|der|das)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Article();

    public static IReadOnlyList<AttributedOrigin> Parse(string? attribution)
    {
        if (string.IsNullOrWhiteSpace(attribution)) return [];
        var origins = new List<AttributedOrigin>();
        foreach (var part in attribution.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var o = ParseOne(part);
            if (o is not null && !origins.Any(x => string.Equals(x.Origin, o.Origin, StringComparison.OrdinalIgnoreCase))) origins.Add(o);
        }
        return origins;
    }

    private static AttributedOrigin? ParseOne(string text)
    {
        var t = Leading().Replace(text.Trim(), "");
        string? via = null;
        // Follow "citing" links to the innermost party: "A, citing B, quoting C" → C via A.
        for (var depth = 0; depth < 5; depth++)
        {
            var m = Citing().Match(t);
            if (!m.Success) break;
            via ??= Head(m.Groups["relay"].Value);
            t = m.Groups["origin"].Value.Trim();
        }
        var r = Relayed().Match(t);
        if (r.Success)
        {
            via ??= Head(r.Groups["relay"].Value);
            t = r.Groups["origin"].Value;
        }
        var origin = Head(t);
        return origin.Length == 0 ? null : new AttributedOrigin(origin, via is { Length: > 0 } && via != origin ? via : null);
    }

    /// <summary>The party's name without its description: "Matthew Miller, US State Department spokesperson" → "Matthew Miller".</summary>
    private static string Head(string text)
    {
        var comma = text.IndexOf(',');
        var head = (comma > 0 ? text[..comma] : text).Trim().TrimEnd('.', ':');
        return Article().Replace(head, "").Trim();
    }
}
