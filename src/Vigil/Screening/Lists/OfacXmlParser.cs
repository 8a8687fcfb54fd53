using System.Xml.Linq;
using Vigil.Model;
using static Vigil.Screening.Lists.XmlRecords;

namespace Vigil.Screening.Lists;

/// <summary>
/// OFAC's XML export (sdnList): the SDN list (sdn.xml) and the consolidated non-SDN list
/// (consolidated.xml) share it. Strong and weak a.k.a.s, dates of birth, nationalities,
/// identifiers (passport, IMO, MMSI, SWIFT/BIC), addresses and vessel details.
/// </summary>
public sealed class OfacXmlParser : IListParser
{
    public const string SdnXmlUrl = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.XML";

    public string Format => "OFAC SDN / consolidated XML";

    public bool CanParse(ListFile file) => file.LooksLikeXml && file.Head.Contains("<sdnList", StringComparison.Ordinal);

    public ParsedList Parse(ListFile file, IReadOnlyList<ListFile> allFiles)
    {
        var consolidated = file.FileName.Contains("cons", StringComparison.OrdinalIgnoreCase);
        var list = consolidated ? OfacCsvParser.ConsolidatedList : OfacCsvParser.SdnList;
        return XmlRecords.Parse(file, list, n => n == "sdnEntry", e => ToEntry(e, list, consolidated),
            publishedFromElement: e => e.Name.LocalName == "publshInformation" ? Date(Child(e, "Publish_Date"), monthFirst: true) : null);
    }

    private static ListEntry ToEntry(XElement e, string list, bool consolidated)
    {
        var uid = Child(e, "uid") ?? throw new InvalidDataException("sdnEntry without uid");
        var name = FullName(e);
        if (name.Length == 0) throw new InvalidDataException($"sdnEntry {uid} has no name");
        var aliases = new List<string>();
        var weak = new List<string>();
        foreach (var aka in All(e, "aka"))
        {
            var akaName = FullName(aka);
            if (akaName.Length == 0) continue;
            (string.Equals(Child(aka, "category"), "weak", StringComparison.OrdinalIgnoreCase) ? weak : aliases).Add(akaName);
        }
        var identifiers = new List<EntryIdentifier>();
        foreach (var id in All(e, "id"))
        {
            var idType = Child(id, "idType");
            var number = Child(id, "idNumber");
            if (idType is null || number is null) continue;
            identifiers.Add(new EntryIdentifier(IdentifierType(idType), number, CountryLookup.TryGetCode(Child(id, "idCountry"))));
        }
        var vessel = e.Elements().FirstOrDefault(x => x.Name.LocalName == "vesselInfo");
        if (vessel is not null && Child(vessel, "callSign") is { } callSign) identifiers.Add(new EntryIdentifier("call_sign", callSign));
        var nationalities = All(e, "nationality").Concat(All(e, "citizenship")).Select(n => Child(n, "country")).Where(c => c is not null)
            .Select(c => CountryLookup.CodeOrName(c!)).ToList();
        if (vessel is not null && Child(vessel, "vesselFlag") is { } flag) nationalities.Add(CountryLookup.CodeOrName(flag));
        var type = Child(e, "sdnType")?.ToLowerInvariant();
        return new ListEntry
        {
            List = list,
            ListId = uid,
            Schema = type switch { "individual" => EntitySchema.Person, "vessel" => EntitySchema.Vessel, "aircraft" => EntitySchema.LegalEntity, _ => EntitySchema.Organization },
            Name = name,
            Aliases = aliases.Distinct().ToList(),
            WeakAliases = weak.Distinct().ToList(),
            BirthDates = All(e, "dateOfBirth").SelectMany(d => BirthDates(d.Value)).Distinct().ToList(),
            Nationalities = nationalities.Distinct().ToList(),
            Identifiers = identifiers,
            Addresses = All(e, "address").Select(a => string.Join(", ", a.Elements().Where(x => x.Name.LocalName != "uid").Select(x => x.Value.Trim()).Where(v => v.Length > 0))).Where(s => s.Length > 0).ToList(),
            Programs = All(e, "program").Select(p => p.Value.Trim()).Where(p => p.Length > 0).Distinct().ToList(),
            SourceUrl = consolidated ? "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONSOLIDATED.XML" : SdnXmlUrl,
            Remarks = Child(e, "remarks"),
        };
    }

    /// <summary>"LAST, First" like the CSV, so both formats give the same names.</summary>
    private static string FullName(XElement e)
    {
        var last = Child(e, "lastName");
        var first = Child(e, "firstName");
        return last is null ? first ?? "" : first is null ? last : $"{last}, {first}";
    }

    private static IEnumerable<FuzzyDate> BirthDates(string text)
    {
        // "01 Jan 1967 to 31 Dec 1969" means any of those years.
        var parts = text.Split(" to ", StringSplitOptions.TrimEntries);
        var from = Date(parts[0]);
        if (from is null) yield break;
        if (parts.Length == 2 && Date(parts[1]) is { } to && to.Value.Year - from.Value.Value.Year is > 0 and <= 20)
            for (var y = from.Value.Value.Year; y <= to.Value.Year; y++) yield return FuzzyDate.Year(y);
        else yield return from.Value;
    }

    private static string IdentifierType(string type) => type.ToLowerInvariant() switch
    {
        var t when t.StartsWith("passport", StringComparison.Ordinal) => "passport",
        var t when t.Contains("imo", StringComparison.Ordinal) && t.StartsWith("vessel", StringComparison.Ordinal) => "imo",
        "mmsi" => "mmsi",
        "swift/bic" => "swift_bic",
        var t when t.Contains("national id", StringComparison.Ordinal) => "national_id",
        var t when t.Contains("tax id", StringComparison.Ordinal) => "tax_id",
        var t => t.Replace(' ', '_'),
    };
}
