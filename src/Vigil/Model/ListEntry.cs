namespace Vigil.Model;

/// <summary>An identifier on a list entry: passport, national id, IMO, MMSI, SWIFT/BIC, ...</summary>
public sealed record EntryIdentifier(string Type, string Value, string? Country = null);

/// <summary>
/// One designation on one official list, whatever its source format. Every list parser
/// produces these, and the screening index knows nothing else.
/// </summary>
public sealed record ListEntry
{
    public required string List { get; init; }          // UN-SC, US-OFAC, EU, UK, CA, AU, or an FtM dataset name
    public required string ListId { get; init; }        // the list's own reference (KPi.033, OFAC ent_num, ...)
    public required EntitySchema Schema { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public IReadOnlyList<string> WeakAliases { get; init; } = [];
    public IReadOnlyList<FuzzyDate> BirthDates { get; init; } = [];
    public IReadOnlyList<string> Nationalities { get; init; } = [];   // ISO 3166 alpha-2 where known, else as listed
    public IReadOnlyList<EntryIdentifier> Identifiers { get; init; } = [];
    public IReadOnlyList<string> Addresses { get; init; } = [];
    public IReadOnlyList<string> Programs { get; init; } = [];
    public FuzzyDate? ListedOn { get; init; }
    public string? SourceUrl { get; init; }
    public string? Remarks { get; init; }

    public IEnumerable<string> AllNames => Aliases.Prepend(Name);
}
