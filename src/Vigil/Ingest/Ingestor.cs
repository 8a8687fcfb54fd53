using System.Buffers;
using System.Text.Json;
using NodaTime.Text;
using Vigil.Model;

namespace Vigil.Ingest;

/// <summary>Limits and helpers for one <see cref="Ingestor"/>.</summary>
public sealed record IngestOptions
{
    /// <summary>Files larger than this are refused with a message (a monitoring desk's inputs are articles, not archives).</summary>
    public long MaxFileBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>Downloads URLs and feeds; null means a <see cref="WebFetcher"/> with default limits.</summary>
    public IWebSource? Web { get; init; }

    /// <summary>Refuse URLs instead of downloading them.</summary>
    public bool Offline { get; init; }

    /// <summary>Told about each input as it finishes (for progress displays).</summary>
    public IProgress<IngestProgress>? Progress { get; init; }
}

/// <summary>How far an ingest run has got: inputs done of those known so far.</summary>
public sealed record IngestProgress(int Done, int Known, string Current);

/// <summary>Fetches what a URL points to. Implemented over HttpClient by <see cref="WebFetcher"/>.</summary>
public interface IWebSource
{
    /// <summary>The body and content type, or a problem message naming what went wrong and what to do.</summary>
    WebResponse Fetch(string url, CancellationToken cancellationToken = default);
}

public sealed record WebResponse(string Url, byte[]? Body, string? ContentType, string? Problem);

/// <summary>
/// Ingest's one entry point: files, folders (recursively), JSONL manifests, URLs and RSS/Atom feeds
/// in; cleaned, hashed, language-tagged documents and a list of problems out. A bad input never
/// stops the batch; the same text met twice in one batch is returned once.
/// </summary>
public sealed class Ingestor(IngestOptions? options = null)
{
    private readonly IngestOptions options = options ?? new IngestOptions();
    private readonly ContentReader reader = new();
    // One index for the ingestor's life, so copies link across its calls (a watcher's polls).
    private readonly NearDuplicateIndex duplicates = new();
    private readonly Lazy<WebFetcher> defaultWeb = new(() => new WebFetcher());

    // A URL given by the user is a request to download it: fetch with the default limits unless
    // the caller supplied a fetcher, or asked for no network at all.
    private IWebSource? Web => options.Web ?? (options.Offline ? null : defaultWeb.Value);

    /// <summary>File extensions read when walking a folder. Files named directly are read whatever their name.</summary>
    public static readonly IReadOnlySet<string> FolderExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".txt", ".text", ".md", ".htm", ".html", ".xhtml", ".shtml", ".pdf", ".jsonl", ".ndjson", ".gz", ".rss", ".atom",
    };

    public IngestBatch Ingest(IEnumerable<string> inputs, CancellationToken cancellationToken = default)
    {
        var run = new Run(this, cancellationToken);
        var list = inputs.ToList();
        run.Known = list.Count;
        foreach (var input in list)
        {
            cancellationToken.ThrowIfCancellationRequested();
            run.Input(input);
        }
        return new IngestBatch(run.Documents, run.Problems);
    }

    /// <summary>One input with metadata the caller already knows (a watched feed's item), which wins over the page's own.</summary>
    public IngestBatch Ingest(string input, SourceMetadata metadata, CancellationToken cancellationToken = default)
    {
        var run = new Run(this, cancellationToken) { Known = 1 };
        run.Input(input, metadata);
        return new IngestBatch(run.Documents, run.Problems);
    }

    /// <summary>The state of one call: what was found so far, and which texts were already seen.</summary>
    private sealed class Run(Ingestor owner, CancellationToken cancellationToken)
    {
        public readonly List<Document> Documents = [];
        public readonly List<IngestProblem> Problems = [];
        private readonly HashSet<string> seen = new(StringComparer.Ordinal);
        public int Known;
        private int done;

        public void Input(string input, SourceMetadata? metadata = null)
        {
            if (string.IsNullOrWhiteSpace(input))
            {
                Problem("(empty argument)", "An empty input was given: pass a file, a folder, a .jsonl manifest or a URL.");
                return;
            }
            if (ContentReader.IsUrl(input)) Url(input, (metadata ?? new SourceMetadata()) with { Url = metadata?.Url ?? input });
            else if (Directory.Exists(input)) Folder(input);
            else if (File.Exists(input) && metadata is not null) ReadFile(input, metadata);
            else if (File.Exists(input)) FileOrManifest(input);
            else Problem(input, $"Not found: no file or folder at '{Path.GetFullPath(input)}'. Check the path (relative paths start from {Directory.GetCurrentDirectory()}).");
            Report(input);
        }

        private void Report(string current) => owner.options.Progress?.Report(new IngestProgress(++done, Math.Max(Known, done), current));

        private void Folder(string folder)
        {
            List<string> files;
            try
            {
                files = Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
                    .Where(f => !Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
                    .Where(f => FolderExtensions.Contains(Path.GetExtension(f)))
                    .Order(StringComparer.Ordinal)
                    .ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Problem(folder, $"The folder could not be read ({e.Message}). Check its permissions.");
                return;
            }
            if (files.Count == 0)
            {
                Problem(folder, $"The folder has no readable files (looked for {string.Join(", ", FolderExtensions.Order())} in it and its subfolders). Add articles there, or name the files directly.");
                return;
            }
            Known += files.Count;
            foreach (var file in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                FileOrManifest(file);
                Report(file);
            }
        }

        private void FileOrManifest(string path)
        {
            var ext = Path.GetExtension(path);
            if (ext.Equals(".jsonl", StringComparison.OrdinalIgnoreCase) || ext.Equals(".ndjson", StringComparison.OrdinalIgnoreCase))
                Manifest(path);
            else
                ReadFile(path, new SourceMetadata());
        }

        private void ReadFile(string path, SourceMetadata metadata, string? label = null)
        {
            var full = Path.GetFullPath(path);
            label ??= path;
            // Files are read into a pooled buffer: a page is read, decoded and dropped, and a fresh
            // array per file would be a large-object allocation for most web pages.
            byte[] buffer;
            int length;
            try
            {
                var info = new FileInfo(full);
                if (!info.Exists)
                {
                    Problem(label, $"Not found: no file at '{full}'. Check the path.");
                    return;
                }
                if (info.Length > owner.options.MaxFileBytes)
                {
                    Problem(label, $"is {info.Length / (1024 * 1024)} MB, over the {owner.options.MaxFileBytes / (1024 * 1024)} MB limit for one document. Split it, or extract the article you need.");
                    return;
                }
                (buffer, length) = ReadPooled(full, owner.options.MaxFileBytes);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Problem(label, $"could not be read ({e.Message}). Check that it exists and that you may read it.");
                return;
            }
            try
            {
                var bytes = buffer.AsMemory(0, length);
                if (ContentReader.Sniff(bytes.Span, Path.GetExtension(full)) == ContentKind.Feed)
                {
                    Feed(bytes.ToArray(), full, label);
                    return;
                }
                Add(owner.reader.Read(bytes, full, metadata), label);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        /// <summary>The whole file in a buffer rented from the shared pool (give it back there), and how many bytes it holds.</summary>
        private static (byte[] Buffer, int Length) ReadPooled(string path, long maxBytes)
        {
            using var handle = File.OpenHandle(path);
            var size = RandomAccess.GetLength(handle);
            if (size > maxBytes) throw new IOException($"the file grew past the {maxBytes / (1024 * 1024)} MB limit while it was read");
            var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Max(1, size));
            try
            {
                var length = 0;
                int n;
                while (length < size && (n = RandomAccess.Read(handle, buffer.AsSpan(length, (int)size - length), length)) > 0) length += n;
                return (buffer, length);
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw;
            }
        }

        private void Manifest(string path)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            string[] lines;
            try { lines = File.ReadAllLines(path); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Problem(path, $"The manifest could not be read ({e.Message}).");
                return;
            }
            if (lines.All(string.IsNullOrWhiteSpace))
            {
                Problem(path, "The manifest is empty: write one JSON object per line, e.g. {\"path\": \"article.html\", \"published\": \"2024-06-19\"}.");
                return;
            }
            for (var i = 0; i < lines.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (string.IsNullOrWhiteSpace(lines[i])) continue;
                var where = $"{path} line {i + 1}";
                var entry = ManifestEntry.Parse(lines[i], out var error);
                if (entry is null)
                {
                    Problem(where, error!);
                    continue;
                }
                if (entry.Warning is not null) Problem(where, entry.Warning);
                if (entry.Text is not null)
                    Add(owner.reader.ReadText(entry.Text, entry.Metadata.Url ?? $"{Path.GetFullPath(path)}#L{i + 1}", entry.Metadata), where);
                else if (ContentReader.IsUrl(entry.Path!))
                    Url(entry.Path!, entry.Metadata with { Url = entry.Metadata.Url ?? entry.Path }, where);
                else
                    ReadFile(Path.Combine(folder, entry.Path!), entry.Metadata, $"{where} ({entry.Path})");
            }
        }

        private void Url(string url, SourceMetadata metadata, string? label = null)
        {
            label ??= url;
            var web = owner.Web;
            if (web is null)
            {
                Problem(label, "URLs are not fetched in offline mode. Save the page and ingest the file instead.");
                return;
            }
            var response = web.Fetch(url, cancellationToken);
            if (response.Problem is not null || response.Body is null)
            {
                Problem(label, response.Problem ?? "The server returned no content.");
                return;
            }
            if (ContentReader.Sniff(response.Body, response.ContentType ?? Path.GetExtension(new Uri(response.Url).AbsolutePath)) == ContentKind.Feed)
            {
                Feed(response.Body, response.Url, label);
                return;
            }
            Add(owner.reader.Read(response.Body, response.Url, metadata with { Url = response.Url }, response.ContentType), label);
        }

        private void Feed(byte[] bytes, string source, string label)
        {
            var feed = FeedSource.Parse(bytes, source);
            if (feed.Problem is not null)
            {
                Problem(label, feed.Problem);
                return;
            }
            Known += feed.Items.Count;
            foreach (var item in feed.Items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var itemLabel = $"{label} item {item.Link ?? item.Title}";
                if (item.Link is not null && owner.Web is not null)
                    Url(item.Link, item.Metadata, itemLabel);
                else if (!string.IsNullOrWhiteSpace(item.Content))
                    Add(owner.reader.Read(System.Text.Encoding.UTF8.GetBytes(item.Content), item.Link ?? source, item.Metadata, "text/html"), itemLabel);
                else
                    Problem(itemLabel, "The feed item has no link that can be fetched and no content of its own.");
                Report(itemLabel);
            }
        }

        private void Add((Document? Document, string? Problem) result, string label)
        {
            if (result.Document is null)
            {
                Problem(label, result.Problem!);
                return;
            }
            var document = result.Document;
            if (!seen.Add(document.Id)) return;
            if (owner.duplicates.Add(document) is { } copy) document = document with { DuplicateOf = copy.OriginalId };
            Documents.Add(document);
        }

        // Readers and fetchers describe the input with a predicate ("is empty", "did not answer"),
        // so the message reads as a sentence about the input it names.
        private void Problem(string input, string message) =>
            Problems.Add(new IngestProblem(input, char.IsLower(message[0]) ? "It " + message : message));
    }
}

/// <summary>One line of a JSONL manifest.</summary>
internal sealed record ManifestEntry(string? Path, string? Text, SourceMetadata Metadata, string? Warning)
{
    private const string Shape = "Each line must be one JSON object with \"path\" (a file or URL) or \"text\", and optionally \"url\", \"title\", \"outlet\", \"published\" (YYYY-MM-DD) and \"lang\".";

    public static ManifestEntry? Parse(string line, out string? error)
    {
        error = null;
        JsonDocument doc;
        try { doc = JsonDocument.Parse(line); }
        catch (JsonException e)
        {
            error = $"is not valid JSON ({e.Message.Split('.')[0]}). {Shape}";
            return null;
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = $"is JSON but not an object. {Shape}";
                return null;
            }
            string? Str(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var path = Str("path");
            var text = Str("text");
            if (string.IsNullOrWhiteSpace(path) && string.IsNullOrWhiteSpace(text))
            {
                error = $"has neither \"path\" nor \"text\". {Shape}";
                return null;
            }
            string? warning = null;
            NodaTime.LocalDate? published = null;
            var publishedText = Str("published");
            if (!string.IsNullOrWhiteSpace(publishedText))
            {
                var parsed = LocalDatePattern.Iso.Parse(publishedText.Length >= 10 ? publishedText[..10] : publishedText);
                if (parsed.Success) published = parsed.Value;
                else warning = $"\"published\": \"{publishedText}\" is not an ISO date (YYYY-MM-DD); the document is read without a date.";
            }
            var lang = Str("lang");
            var metadata = new SourceMetadata(Str("url"), Str("title"), Str("outlet"), published, string.IsNullOrWhiteSpace(lang) ? null : lang.Trim().ToLowerInvariant());
            return new ManifestEntry(string.IsNullOrWhiteSpace(text) ? path : null, string.IsNullOrWhiteSpace(text) ? null : text, metadata, warning);
        }
    }
}
