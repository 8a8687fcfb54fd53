using Vigil.Screening.Lists;

namespace Vigil.Screening;

/// <summary>
/// Loads every official list found under a folder (recursively), each file by the one parser
/// that recognises it by name and content. A file that does not parse becomes a
/// <see cref="ListProblem"/>; the other lists still load. When a list is present more than once
/// (two OFAC SDN sets of different dates, or the same list as CSV and XML), the copy with the most
/// entries is used and the others are reported in the summary, never mixed.
/// Parsed lists are kept in a snapshot cache (<see cref="ListSnapshotCache"/>) so a later load of
/// unchanged files skips the parsers; when a file has become broken since its last clean parse, that
/// clean parse is used and the problem still reported.
/// </summary>
public static class ListLoader
{
    /// <summary>Loads with the default snapshot cache (<see cref="ListSources.SnapshotDirectory"/>).</summary>
    public static ListLoadResult Load(string directory) => Load(directory, ListLoadOptions.Default);

    public static ListLoadResult Load(string directory, ListLoadOptions options)
    {
        if (!Directory.Exists(directory))
            return new ListLoadResult([], [new ListProblem(directory, "folder not found; pass --lists DIR or set VIGIL_LISTS to a folder with list files (vigil lists update fetches them)")], []);
        var files = Directory.EnumerateFiles(directory, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            // Hidden files and folders (the cache's .previous/, .incoming/, .meta/) are not lists to load.
            .Where(p => !Path.GetRelativePath(directory, p).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
            .Order(StringComparer.Ordinal)
            .Select(ListFile.Open)
            .ToList();
        return Load(files, options);
    }

    /// <summary>Loads the given files (already sniffed); the building block for <see cref="Load(string)"/>.</summary>
    public static ListLoadResult Load(IReadOnlyList<ListFile> files) => Load(files, ListLoadOptions.Default);

    public static ListLoadResult Load(IReadOnlyList<ListFile> files, ListLoadOptions options)
    {
        var cache = options.SnapshotDirectory is { } snapshots ? new ListSnapshotCache(snapshots) : null;
        var parsers = ListParsers.All;
        var jobs = new List<(ListFile File, IListParser Parser)>();
        foreach (var file in files)
        {
            var parser = parsers.FirstOrDefault(p => p.CanParse(file));
            if (parser is not null) jobs.Add((file, parser));
        }
        var parsed = new ParsedList[jobs.Count];
        var fresh = new bool[jobs.Count];
        Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, i =>
        {
            var (file, parser) = jobs[i];
            try { (parsed[i], fresh[i]) = cache is null ? (parser.Parse(file, files), true) : ParseThroughCache(cache, parser, file, files); }
            // One unreadable file, whatever the reason, must not stop the other lists from loading.
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                parsed[i] = ParsedList.Failed(parser.Format, file.Path, $"{parser.Format} could not be read: {e.Message}");
            }
        });

        // Something was parsed afresh, so files may have moved: drop the snapshots of files that are gone.
        if (cache is not null && fresh.Any(f => f))
            try { cache.Prune(); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }

        var entries = new List<Vigil.Model.ListEntry>();
        var problems = parsed.SelectMany(p => p.Problems).ToList();
        var summaries = new List<ListSummary>();
        foreach (var group in parsed.Where(p => p.Entries.Count > 0).GroupBy(p => p.List).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ordered = group.OrderByDescending(p => p.Entries.Count).ThenByDescending(p => p.Published?.Value).ThenBy(p => p.File, StringComparer.Ordinal).ToList();
            var chosen = ordered[0];
            entries.AddRange(chosen.Entries);
            var setAside = ordered.Skip(1).Select(p => $"{p.File} ({p.Entries.Count} entries) set aside: a smaller copy of the same list").ToList();
            var note = string.Join("; ", new[] { chosen.Note }.Concat(setAside).Where(n => !string.IsNullOrEmpty(n)));
            summaries.Add(new ListSummary(chosen.List, chosen.File, chosen.Entries.Count, chosen.Published) { Note = note.Length > 0 ? note : null });
        }
        return new ListLoadResult(entries, problems, summaries);
    }

    internal static string SnapshotKey(IListParser parser, ListFile file) => $"{parser.Format}|{Path.GetFullPath(file.Path)}";

    /// <summary>The parse of <paramref name="file"/> from the snapshot cache when its inputs are unchanged; else parsed and stored.</summary>
    private static (ParsedList Parsed, bool Fresh) ParseThroughCache(ListSnapshotCache cache, IListParser parser, ListFile file, IReadOnlyList<ListFile> files)
    {
        var key = SnapshotKey(parser, file);
        var stamps = parser.Inputs(file, files).Select(ListInputStamp.Of).ToList();
        var snapshot = cache.TryRead(key);
        if (snapshot is not null && snapshot.Inputs.SequenceEqual(stamps)) return (snapshot.Parsed, false);

        var parsed = parser.Parse(file, files);
        if (parsed.Problems.Count > 0 && snapshot is { Clean: true })
        {
            // The file has changed since it last parsed cleanly and now does not: keep serving the good copy.
            var kept = new ListProblem(file.Path, $"the last good copy of this list ({snapshot.Parsed.Entries.Count} entries, read {snapshot.Written:yyyy-MM-dd HH:mm} UTC) is used until the file is fixed; re-download it (vigil lists update)");
            return (snapshot.Parsed with { Problems = [.. parsed.Problems, kept] }, true);
        }
        cache.Write(key, stamps, parsed);
        return (parsed, true);
    }
}

/// <summary>How <see cref="ListLoader"/> loads: where parsed lists are cached (null: no cache).</summary>
public sealed record ListLoadOptions(string? SnapshotDirectory)
{
    /// <summary>The snapshot cache under the lists cache, unless VIGIL_LIST_SNAPSHOTS is "off".</summary>
    public static ListLoadOptions Default =>
        new(string.Equals(Environment.GetEnvironmentVariable("VIGIL_LIST_SNAPSHOTS"), "off", StringComparison.OrdinalIgnoreCase) ? null : ListSources.SnapshotDirectory);

    public static ListLoadOptions NoCache { get; } = new((string?)null);
}
