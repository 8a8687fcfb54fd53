using System.Globalization;
using System.Text.RegularExpressions;
using Vigil.Model;

namespace Vigil.Screening.Lists;

/// <summary>
/// Reads the structured facts OFAC (and the UN's comments) pack into free-text remarks:
/// "DOB 08 Jan 1984; nationality Korea, North; Passport 918320780 (Korea, North); IMO 1011551;
/// a.k.a. 'BNC'."
/// </summary>
internal static partial class RemarksParser
{
    [GeneratedRegex(@"\bDOB (?:circa |about )?(?:(?<d>\d{1,2}) )?(?:(?<m>[A-Z][a-z]{2}) )?(?<y>\d{4})(?: to (?:(?<d2>\d{1,2}) )?(?:(?<m2>[A-Z][a-z]{2}) )?(?<y2>\d{4}))?")]
    private static partial Regex DobPattern();

    [GeneratedRegex(@"\b(?:nationality|citizen) (?<c>[^;.()]+?)(?=;|\.$|\.\s|$|\()")]
    private static partial Regex NationalityPattern();

    [GeneratedRegex(@"\b(?<t>Passport|National ID No\.|Cedula No\.|Tax ID No\.|Registration Number|SWIFT/BIC|IMO|MMSI|Identification Number IMO|Vessel Registration Identification IMO|Residency Number|Identification Number|Driver's License No\.) (?<v>[A-Z0-9][A-Z0-9\-/]*)(?: \((?<c>[^)]+)\))?")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex(@"\ba\.k\.a\. '(?<n>[^']+)'")]
    private static partial Regex WeakAkaPattern();

    public static IReadOnlyList<FuzzyDate> BirthDates(string? remarks)
    {
        if (string.IsNullOrEmpty(remarks)) return [];
        var result = new List<FuzzyDate>();
        foreach (Match m in DobPattern().Matches(remarks))
        {
            var from = ToDate(m.Groups["d"].Value, m.Groups["m"].Value, m.Groups["y"].Value);
            if (from is null) continue;
            if (m.Groups["y2"].Success && int.TryParse(m.Groups["y2"].Value, out var toYear) && toYear - from.Value.Value.Year is > 0 and <= 20)
            {
                // A range "01 Jan 1967 to 31 Dec 1969" means any of those years.
                for (var y = from.Value.Value.Year; y <= toYear; y++) result.Add(FuzzyDate.Year(y));
            }
            else result.Add(from.Value);
        }
        return result.Distinct().ToList();
    }

    public static IReadOnlyList<string> Nationalities(string? remarks)
    {
        if (string.IsNullOrEmpty(remarks)) return [];
        return NationalityPattern().Matches(remarks).Select(m => CountryLookup.CodeOrName(m.Groups["c"].Value)).Distinct().ToList();
    }

    public static IReadOnlyList<EntryIdentifier> Identifiers(string? remarks)
    {
        if (string.IsNullOrEmpty(remarks)) return [];
        var result = new List<EntryIdentifier>();
        foreach (Match m in IdentifierPattern().Matches(remarks))
        {
            var type = m.Groups["t"].Value switch
            {
                "Passport" => "passport",
                "National ID No." or "Cedula No." => "national_id",
                "Tax ID No." => "tax_id",
                "Registration Number" => "registration",
                "SWIFT/BIC" => "swift_bic",
                "MMSI" => "mmsi",
                "IMO" or "Vessel Registration Identification IMO" => "imo",
                // OFAC gives companies an "Identification Number IMO" (company number), not a ship's.
                "Identification Number IMO" => "imo_company",
                _ => "other",
            };
            var value = m.Groups["v"].Value.Trim();
            if (value.Length < 3) continue;
            result.Add(new EntryIdentifier(type, value, m.Groups["c"].Success ? CountryLookup.TryGetCode(m.Groups["c"].Value) : null));
        }
        return result;
    }

    public static IReadOnlyList<string> WeakAliases(string? remarks) =>
        string.IsNullOrEmpty(remarks) ? [] : WeakAkaPattern().Matches(remarks).Select(m => m.Groups["n"].Value.Trim()).Where(s => s.Length > 0).Distinct().ToList();

    private static FuzzyDate? ToDate(string day, string month, string year)
    {
        if (!int.TryParse(year, out var y) || y < 1800 || y > 2200) return null;
        if (month.Length == 0) return FuzzyDate.Year(y);
        if (XmlRecords.MonthNumber(month) is not { } m) return FuzzyDate.Year(y);
        if (day.Length == 0) return FuzzyDate.Month(y, m);
        if (!int.TryParse(day, out var d) || d < 1 || d > DateTime.DaysInMonth(y, m)) return FuzzyDate.Month(y, m);
        return FuzzyDate.Day(new NodaTime.LocalDate(y, m, d));
    }
}
