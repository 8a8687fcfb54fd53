using Vigil.Model;

namespace Vigil.Ingest;

/// <summary>
/// Something that could not be ingested, with the input it came from and what the user can do.
/// Problems never stop a batch: the rest goes on.
/// </summary>
public sealed record IngestProblem(string Input, string Message);

/// <summary>What one ingest call read: the documents (new or already known) and the problems.</summary>
public sealed record IngestBatch(IReadOnlyList<Document> Documents, IReadOnlyList<IngestProblem> Problems)
{
    public static readonly IngestBatch Empty = new([], []);
}

/// <summary>Metadata a caller can attach to an input (from a JSONL manifest, a feed item, a URL).</summary>
public sealed record SourceMetadata(
    string? Url = null,
    string? Title = null,
    string? Outlet = null,
    NodaTime.LocalDate? Published = null,
    string? Lang = null);
