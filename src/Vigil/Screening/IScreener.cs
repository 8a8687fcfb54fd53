using Vigil.Model;

namespace Vigil.Screening;

/// <summary>A name to screen, with whatever else is known about its bearer.</summary>
public sealed record ScreeningQuery(
    string Name,
    EntitySchema? Schema = null,
    FuzzyDate? BirthDate = null,
    string? Country = null,
    IReadOnlyList<EntryIdentifier>? Identifiers = null);

/// <summary>The screening stage's entry point: candidates for one query, best first, each explained.</summary>
public interface IScreener
{
    /// <summary>Hits sorted by descending score; only those with a score above <paramref name="minScore"/>.</summary>
    IReadOnlyList<SanctionHit> Screen(ScreeningQuery query, int limit = 10, double minScore = 0.5);
}

/// <summary>A list file, or a part of one, that could not be read; the other lists still load.</summary>
public sealed record ListProblem(string File, string Message);

/// <summary>Entries from one or more lists, with the problems met on the way.</summary>
public sealed record ListLoadResult(IReadOnlyList<ListEntry> Entries, IReadOnlyList<ListProblem> Problems, IReadOnlyList<ListSummary> Lists);

/// <summary>One loaded list: where from, how many entries, of what date.</summary>
public sealed record ListSummary(string List, string File, int Count, FuzzyDate? Published)
{
    /// <summary>How the list was read when that is not obvious, or why a copy was set aside.</summary>
    public string? Note { get; init; }
}
