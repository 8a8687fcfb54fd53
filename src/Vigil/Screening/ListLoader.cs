using Vigil.Screening.Lists;

namespace Vigil.Screening;

/// <summary>
/// Loads every official list found under a folder (recursively), each file by the one parser
/// that recognises it by name and content. A file that does not parse becomes a
/// <see cref="ListProblem"/>; the other lists still load. When a list is present more than once
/// (two OFAC SDN sets of different dates, or the same list as CSV and XML), the copy with the most
/// entries is used and the others are reported in the summary, never mixed.
/// </summary>
public static class ListLoader
{
    public static ListLoadResult Load(string directory)
    {
        if (!Directory.Exists(directory))
            return new ListLoadResult([], [new ListProblem(directory, "folder not found; pass --lists DIR or set VIGIL_LISTS to a folder with list files (vigil lists update fetches them)")], []);
        var files = Directory.EnumerateFiles(directory, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            // Hidden files and folders (the cache's .previous/, .incoming/, .meta/) are not lists to load.
            .Where(p => !Path.GetRelativePath(directory, p).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
            .Order(StringComparer.Ordinal)
            .Select(ListFile.Open)
            .ToList();
        return Load(files);
    }

    /// <summary>Loads the given files (already sniffed); the building block for <see cref="Load(string)"/>.</summary>
    public static ListLoadResult Load(IReadOnlyList<ListFile> files)
    {
        var parsers = ListParsers.All;
        var jobs = new List<(ListFile File, IListParser Parser)>();
        foreach (var file in files)
        {
            var parser = parsers.FirstOrDefault(p => p.CanParse(file));
            if (parser is not null) jobs.Add((file, parser));
        }
        var parsed = new ParsedList[jobs.Count];
        Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, i =>
        {
            var (file, parser) = jobs[i];
            try { parsed[i] = parser.Parse(file, files); }
            // One unreadable file, whatever the reason, must not stop the other lists from loading.
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                parsed[i] = ParsedList.Failed(parser.Format, file.Path, $"{parser.Format} could not be read: {e.Message}");
            }
        });

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
}
