using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Vigil.Server.Ui;

/// <summary>
/// HTML building with escaping by default: every value that may come from a document, a list or
/// a request goes through <see cref="E"/> (text and attribute values alike). Documents are hostile
/// input; nothing from them is ever written raw.
/// </summary>
internal static class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    /// <summary>Escapes text for element content and quoted attribute values.</summary>
    public static string E(string? text) => text is null ? "" : Encoder.Encode(text);

    public static string E(int n) => n.ToString(CultureInfo.InvariantCulture);

    public static string Num(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A URL component (path segment or query value), escaped for a URL and then for HTML.</summary>
    public static string U(string? text) => E(Uri.EscapeDataString(text ?? ""));

    /// <summary>A link to an external page only when it is plain http(s); anything else (javascript:, data:) is shown as text.</summary>
    public static string ExternalLink(string? url, string? label = null)
    {
        if (url is null) return "";
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? $"<a href=\"{E(uri.AbsoluteUri)}\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">{E(label ?? url)}</a>"
            : E(label ?? url);
    }

    public static string Page(string title, string active, string body)
    {
        var nav = new StringBuilder();
        foreach (var (href, label) in new[] { ("/", "Dashboard"), ("/claims", "Claims"), ("/entities", "Entities"), ("/timeline", "Timeline"), ("/screening", "Screening"), ("/ingest", "Ingest"), ("/reviews", "Reviews") })
            nav.Append($"<a href=\"{href}\"{(label == active ? " class=\"active\"" : "")}>{label}</a>");
        return $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{E(title)}} · Vigil</title><link rel="stylesheet" href="/ui/site.css"><script src="/ui/app.js" defer></script></head>
            <body><header><span class="brand">Vigil</span><nav>{{nav}}</nav>
            <span class="key"><label>API key <input type="password" id="api-key" autocomplete="off" placeholder="only beyond loopback"></label></span></header>
            <main><h1>{{E(title)}}</h1>
            {{body}}
            </main><footer>Vigil sanctions-monitoring workbench · <a href="/openapi/v1.json">OpenAPI</a> · <a href="/health">health</a></footer></body></html>
            """;
    }

    public static string Table(IEnumerable<string> headers, IEnumerable<IEnumerable<string>> rows, string? id = null)
    {
        var sb = new StringBuilder($"<table{(id is null ? "" : $" id=\"{E(id)}\"")}><thead><tr>");
        foreach (var h in headers) sb.Append("<th>").Append(E(h)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        var any = false;
        foreach (var row in rows)
        {
            any = true;
            sb.Append("<tr>");
            foreach (var cell in row) sb.Append("<td>").Append(cell).Append("</td>");
            sb.Append("</tr>");
        }
        if (!any) sb.Append("<tr><td class=\"empty\" colspan=\"99\">Nothing yet.</td></tr>");
        return sb.Append("</tbody></table>").ToString();
    }

    /// <summary>A select box; <paramref name="selected"/> chooses the option. Values and labels are escaped.</summary>
    public static string Select(string name, string label, IEnumerable<string> values, string? selected) =>
        $"<label>{E(label)} <select name=\"{E(name)}\"><option value=\"\">any</option>" +
        string.Concat(values.Select(v => $"<option value=\"{E(v)}\"{(v == selected ? " selected" : "")}>{E(v)}</option>")) +
        "</select></label>";

    public static string Input(string name, string label, string? value, string type = "text", string? placeholder = null) =>
        $"<label>{E(label)} <input type=\"{type}\" name=\"{E(name)}\" value=\"{E(value)}\"{(placeholder is null ? "" : $" placeholder=\"{E(placeholder)}\"")}></label>";
}
