using System.Collections.Concurrent;

namespace Vigil.Screening.Lists;

/// <summary>
/// <see cref="CountryCodes"/> remembered per spelling: a list repeats a few hundred country
/// spellings tens of thousands of times, and each lookup folds and tokenises the name.
/// </summary>
internal static class CountryLookup
{
    private static readonly ConcurrentDictionary<string, string?> Codes = new(StringComparer.Ordinal);

    public static string? TryGetCode(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : Codes.GetOrAdd(name, CountryCodes.TryGetCode);

    public static string CodeOrName(string name) => TryGetCode(name) ?? name.Trim();
}
