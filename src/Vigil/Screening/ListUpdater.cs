using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Vigil.Screening.Lists;

namespace Vigil.Screening;

/// <summary>One official list file and where it is published.</summary>
public sealed record ListSource(string Name, Uri Url, string RelativePath);

/// <summary>What happened to one list file in an update.</summary>
public sealed record ListUpdateOutcome(ListSource Source, string Status, string Message);

/// <summary>
/// Fetches the official lists into the lists cache: conditional requests (ETag, Last-Modified),
/// each new file verified by parsing it before it replaces the current one, and the previous good
/// copy kept under .previous/ so a failed or corrupt download never loses a working list.
/// </summary>
public sealed class ListUpdater(HttpClient http, string cacheDirectory)
{
    /// <summary>The official publication addresses (checked 2025).</summary>
    public static IReadOnlyList<ListSource> OfficialSources { get; } =
    [
        new("UN-SC", new Uri(UnScXmlParser.SourceUrl), "un/consolidated.xml"),
        new("US-OFAC SDN", new Uri(OfacCsvParser.SdnUrl), "us_ofac_sdn/sdn.csv"),
        new("US-OFAC SDN aliases", new Uri("https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ALT.CSV"), "us_ofac_sdn/alt.csv"),
        new("US-OFAC SDN addresses", new Uri("https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADD.CSV"), "us_ofac_sdn/add.csv"),
        new("US-OFAC SDN comments", new Uri("https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN_COMMENTS.CSV"), "us_ofac_sdn/sdn_comments.csv"),
        new("US-OFAC consolidated", new Uri(OfacCsvParser.ConsolidatedUrl), "us_ofac_cons/cons_prim.csv"),
        new("US-OFAC consolidated aliases", new Uri("https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_ALT.CSV"), "us_ofac_cons/cons_alt.csv"),
        new("EU", new Uri(EuFsfXmlParser.SourceUrl), "eu/xmlFullSanctionsList_1_1.xml"),
        new("UK", new Uri(UkSanctionsXmlParser.SourceUrl), "uk/UK-Sanctions-List.xml"),
        new("CA", new Uri(CanadaSemaXmlParser.SourceUrl), "ca/sema-lmes.xml"),
        new("AU", new Uri(AustraliaDfatXlsxParser.SourceUrl), "au/regulation8_consolidated.xlsx"),
    ];

    private const string MetaFolder = ".meta";
    private const string PreviousFolder = ".previous";
    private const string IncomingFolder = ".incoming";

    private sealed record Meta(string? ETag, string? LastModified, DateTimeOffset FetchedAt, string Url, long Bytes);

    public async Task<IReadOnlyList<ListUpdateOutcome>> UpdateAsync(IEnumerable<ListSource> sources, CancellationToken cancel = default)
    {
        var outcomes = new List<ListUpdateOutcome>();
        foreach (var source in sources) outcomes.Add(await UpdateOneAsync(source, cancel).ConfigureAwait(false));
        return outcomes;
    }

    /// <summary>Copies every recognised list file under <paramref name="folder"/> into the cache (offline update), with the same verification.</summary>
    public IReadOnlyList<ListUpdateOutcome> UpdateFrom(string folder)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"The folder '{folder}' given to --from does not exist.");
        var outcomes = new List<ListUpdateOutcome>();
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var file = ListFile.Open(path);
            var companion = file.FileName.ToLowerInvariant() is "alt.csv" or "add.csv" or "sdn_comments.csv" or "cons_alt.csv" or "cons_add.csv" or "cons_comments.csv";
            if (!companion && !ListParsers.All.Any(p => p.CanParse(file))) continue;
            var relative = Path.GetRelativePath(folder, path);
            var source = new ListSource(relative, new Uri(Path.GetFullPath(path)), relative);
            var incoming = IncomingPath(source);
            File.Copy(path, incoming, overwrite: true);
            outcomes.Add(Install(source, incoming, new Meta(null, null, DateTimeOffset.UtcNow, source.Url.ToString(), new FileInfo(path).Length)));
        }
        return outcomes;
    }

    private async Task<ListUpdateOutcome> UpdateOneAsync(ListSource source, CancellationToken cancel)
    {
        var meta = ReadMeta(source);
        var current = Path.Combine(cacheDirectory, source.RelativePath);
        using var request = new HttpRequestMessage(HttpMethod.Get, source.Url);
        if (File.Exists(current) && meta is not null)
        {
            if (meta.ETag is not null && EntityTagHeaderValue.TryParse(meta.ETag, out var etag)) request.Headers.IfNoneMatch.Add(etag);
            if (meta.LastModified is not null && DateTimeOffset.TryParse(meta.LastModified, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var lm)) request.Headers.IfModifiedSince = lm;
        }
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotModified) return new ListUpdateOutcome(source, "unchanged", "not modified since the last download");
            if (!response.IsSuccessStatusCode)
                return new ListUpdateOutcome(source, "failed", $"{source.Url} answered {(int)response.StatusCode} {response.ReasonPhrase}; {KeptMessage(current)}");
            var incoming = IncomingPath(source);
            await using (var output = File.Create(incoming))
                await response.Content.CopyToAsync(output, cancel).ConfigureAwait(false);
            return Install(source, incoming, new Meta(response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"), DateTimeOffset.UtcNow, source.Url.ToString(), new FileInfo(incoming).Length));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return new ListUpdateOutcome(source, "failed", $"{source.Url} could not be fetched ({e.Message}); {KeptMessage(current)}");
        }
    }

    /// <summary>Verifies the downloaded file, then swaps it in, keeping the old one under .previous/.</summary>
    private ListUpdateOutcome Install(ListSource source, string incoming, Meta meta)
    {
        var current = Path.Combine(cacheDirectory, source.RelativePath);
        var problem = Verify(incoming);
        if (problem is not null)
        {
            File.Delete(incoming);
            return new ListUpdateOutcome(source, "failed", $"the new file does not verify ({problem}); {KeptMessage(current)}");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(current)!);
        if (File.Exists(current))
        {
            var previous = Path.Combine(cacheDirectory, PreviousFolder, source.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(previous)!);
            File.Copy(current, previous, overwrite: true);
        }
        File.Move(incoming, current, overwrite: true);
        var metaPath = MetaPath(source);
        Directory.CreateDirectory(Path.GetDirectoryName(metaPath)!);
        File.WriteAllText(metaPath, JsonSerializer.Serialize(meta));
        return new ListUpdateOutcome(source, "updated", $"{meta.Bytes:N0} bytes from {meta.Url}");
    }

    /// <summary>Null when the file parses as a list (or is a readable companion CSV); else what is wrong.</summary>
    private static string? Verify(string path)
    {
        var file = ListFile.Open(path);
        if (new FileInfo(path).Length == 0) return "it is empty";
        var parser = ListParsers.All.FirstOrDefault(p => p.CanParse(file));
        if (parser is null)
        {
            // OFAC companions (alt.csv, add.csv, comments) are rows keyed by a numeric ent_num.
            var comma = file.Head.IndexOf(',');
            return comma > 0 && file.Head[..comma].Trim().All(char.IsAsciiDigit) ? null : "it is not a list format Vigil reads";
        }
        var parsed = parser.Parse(file, [file]);
        if (parsed.Entries.Count == 0) return parsed.Problems.FirstOrDefault()?.Message ?? "it holds no entries";
        var broken = parsed.Problems.FirstOrDefault(p => p.Message.Contains("malformed", StringComparison.Ordinal) || p.Message.Contains("could not be read", StringComparison.Ordinal));
        return broken?.Message;
    }

    private static string KeptMessage(string current) => File.Exists(current) ? "the previous copy is kept" : "no earlier copy exists";

    private string IncomingPath(ListSource source)
    {
        var path = Path.Combine(cacheDirectory, IncomingFolder, source.RelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    private string MetaPath(ListSource source) => Path.Combine(cacheDirectory, MetaFolder, source.RelativePath + ".json");

    private Meta? ReadMeta(ListSource source)
    {
        var path = MetaPath(source);
        try { return File.Exists(path) ? JsonSerializer.Deserialize<Meta>(File.ReadAllText(path)) : null; }
        catch (JsonException) { return null; }
    }

    /// <summary>When and from where a cached file was fetched, if this cache fetched it.</summary>
    public static (string Url, DateTimeOffset FetchedAt)? Provenance(string cacheDirectory, string file)
    {
        var relative = Path.GetRelativePath(cacheDirectory, file);
        if (relative.StartsWith("..", StringComparison.Ordinal)) return null;
        var path = Path.Combine(cacheDirectory, MetaFolder, relative + ".json");
        if (!File.Exists(path)) return null;
        try { return JsonSerializer.Deserialize<Meta>(File.ReadAllText(path)) is { } m ? (m.Url, m.FetchedAt) : null; }
        catch (JsonException) { return null; }
    }
}
