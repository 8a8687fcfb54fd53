using System.Xml.Linq;
using Vigil.Model;
using static Vigil.Screening.Lists.XmlRecords;

namespace Vigil.Screening.Lists;

/// <summary>
/// The UK Sanctions List (FCDO), published XML (UK-Sanctions-List.xml): Designation elements with
/// UniqueID, Names/Name (Name1..Name6, NameType Primary Name / Alias, AliasStrength), NonLatinNames,
/// RegimeName, IndividualEntityShip, DOBs, Nationalities, passports and ship IMO numbers.
/// </summary>
public sealed class UkSanctionsXmlParser : IListParser
{
    public const string ListName = "UK";
    public const string SourceUrl = "https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml";

    public string Format => "UK Sanctions List XML";

    public bool CanParse(ListFile file) => file.LooksLikeXml && file.Head.Contains("<Designations", StringComparison.Ordinal) && file.Head.Contains("<Designation", StringComparison.Ordinal);

    public ParsedList Parse(ListFile file, IReadOnlyList<ListFile> allFiles) =>
        XmlRecords.Parse(file, ListName, n => n == "Designation", ToEntry,
            publishedFromElement: e => e.Name.LocalName is "DateGenerated" or "PublicationDate" ? Date(e.Value.Split('T')[0]) : null);

    private static ListEntry? ToEntry(XElement e)
    {
        var id = Child(e, "UniqueID") ?? throw new InvalidDataException("Designation without UniqueID");
        var names = All(e, "Name").Where(n => n.Parent?.Name.LocalName == "Names")
            .Select(n => (Text: string.Join(' ', Enumerable.Range(1, 6).Select(i => Child(n, $"Name{i}")).Where(s => s is not null)),
                Type: Child(n, "NameType") ?? "", Strength: Child(n, "AliasStrength") ?? ""))
            .Where(n => n.Text.Length > 0).ToList();
        if (names.Count == 0) throw new InvalidDataException($"{id} has no names");
        var primary = names.FirstOrDefault(n => n.Type.StartsWith("Primary", StringComparison.OrdinalIgnoreCase)).Text ?? names[0].Text;
        var kind = (Child(e, "IndividualEntityShip") ?? "").ToLowerInvariant();
        var identifiers = All(e, "PassportNumber").Select(p => new EntryIdentifier("passport", p.Value.Trim()))
            .Concat(All(e, "NationalIdentifierNumber").Select(p => new EntryIdentifier("national_id", p.Value.Trim())))
            .Concat(All(e, "IMONumber").Select(p => new EntryIdentifier("imo", p.Value.Trim())))
            .Where(i => i.Value.Length > 0).ToList();
        return new ListEntry
        {
            List = ListName,
            ListId = id,
            Schema = kind.StartsWith("individual", StringComparison.Ordinal) ? EntitySchema.Person : kind.StartsWith("ship", StringComparison.Ordinal) ? EntitySchema.Vessel : EntitySchema.Organization,
            Name = primary,
            Aliases = names.Where(n => n.Text != primary && !n.Strength.StartsWith("Weak", StringComparison.OrdinalIgnoreCase)).Select(n => n.Text)
                .Concat(All(e, "NameNonLatinScript").Select(n => n.Value.Trim())).Where(n => n.Length > 0).Distinct().ToList(),
            WeakAliases = names.Where(n => n.Text != primary && n.Strength.StartsWith("Weak", StringComparison.OrdinalIgnoreCase)).Select(n => n.Text).Distinct().ToList(),
            BirthDates = All(e, "DOB").Select(d => Date(d.Value)).Where(d => d is not null).Select(d => d!.Value).Distinct().ToList(),
            Nationalities = All(e, "Nationality").Select(n => CountryLookup.CodeOrName(n.Value)).Where(n => n.Length > 0).Distinct().ToList(),
            Identifiers = identifiers,
            Programs = Child(e, "RegimeName") is { } regime ? [regime] : [],
            ListedOn = Date(Child(e, "DateDesignated")?.Split('T')[0]),
            SourceUrl = SourceUrl,
            Remarks = Child(e, "OtherInformation"),
        };
    }
}
