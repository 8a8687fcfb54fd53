using System.Xml.Linq;
using Vigil.Model;
using static Vigil.Screening.Lists.XmlRecords;

namespace Vigil.Screening.Lists;

/// <summary>
/// EU Financial Sanctions Files, full list XML (xmlFullSanctionsList_1_1, namespace
/// http://eu.europa.eu/fpi/fsd/export): sanctionEntity elements with nameAlias (wholeName, strong),
/// subjectType (person / enterprise), birthdate, citizenship, identification and regulation (programme).
/// </summary>
public sealed class EuFsfXmlParser : IListParser
{
    public const string ListName = "EU";
    public const string SourceUrl = "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw";

    public string Format => "EU FSF XML";

    public bool CanParse(ListFile file) => file.LooksLikeXml && file.Head.Contains("<export", StringComparison.Ordinal) && file.Head.Contains("fsd/export", StringComparison.Ordinal);

    public ParsedList Parse(ListFile file, IReadOnlyList<ListFile> allFiles) =>
        XmlRecords.Parse(file, ListName, n => n == "sanctionEntity", ToEntry,
            publishedFromRoot: r => Date(r.GetAttribute("generationDate")?.Split('T')[0]));

    private static ListEntry? ToEntry(XElement e)
    {
        var id = Attr(e, "euReferenceNumber") ?? Attr(e, "logicalId") ?? throw new InvalidDataException("sanctionEntity without euReferenceNumber or logicalId");
        var names = All(e, "nameAlias").Select(a => (Name: Attr(a, "wholeName") ?? string.Join(' ', new[] { Attr(a, "firstName"), Attr(a, "middleName"), Attr(a, "lastName") }.Where(s => s is not null)),
            Strong: !string.Equals(Attr(a, "strong"), "false", StringComparison.OrdinalIgnoreCase))).Where(n => n.Name.Length > 0).ToList();
        if (names.Count == 0) throw new InvalidDataException($"{id} has no nameAlias");
        var primary = names.FirstOrDefault(n => n.Strong).Name ?? names[0].Name;
        var subject = All(e, "subjectType").Select(s => Attr(s, "code") ?? Attr(s, "classificationCode")).FirstOrDefault()?.ToLowerInvariant();
        return new ListEntry
        {
            List = ListName,
            ListId = id,
            Schema = subject is "person" or "p" ? EntitySchema.Person : EntitySchema.Organization,
            Name = primary,
            Aliases = names.Where(n => n.Strong && n.Name != primary).Select(n => n.Name).Distinct().ToList(),
            WeakAliases = names.Where(n => !n.Strong && n.Name != primary).Select(n => n.Name).Distinct().ToList(),
            BirthDates = All(e, "birthdate").Select(b => Date(Attr(b, "birthdate")) ?? (int.TryParse(Attr(b, "year"), out var y) && y > 1800 ? FuzzyDate.Year(y) : null))
                .Where(d => d is not null).Select(d => d!.Value).Distinct().ToList(),
            Nationalities = All(e, "citizenship").Select(c => Attr(c, "countryIso2Code")?.ToUpperInvariant() ?? Attr(c, "countryDescription")).Where(c => c is not null && c != "00").Select(c => c!).Distinct().ToList(),
            Identifiers = All(e, "identification").Where(i => Attr(i, "number") is not null)
                .Select(i => new EntryIdentifier(Attr(i, "identificationTypeCode") ?? "id", Attr(i, "number")!, Attr(i, "countryIso2Code")?.ToUpperInvariant())).ToList(),
            Addresses = All(e, "address").Select(a => string.Join(", ", new[] { Attr(a, "street"), Attr(a, "city"), Attr(a, "zipCode"), Attr(a, "countryDescription") }.Where(s => s is not null))).Where(s => s.Length > 0).ToList(),
            Programs = All(e, "regulation").Select(r => Attr(r, "programme")).Where(p => p is not null).Select(p => p!).Distinct().ToList(),
            ListedOn = Date(Attr(e, "designationDate")),
            SourceUrl = SourceUrl,
            Remarks = Child(e, "remark"),
        };
    }
}
