using System.Xml.Linq;
using Vigil.Model;
using static Vigil.Screening.Lists.XmlRecords;

namespace Vigil.Screening.Lists;

/// <summary>
/// Canada's Consolidated Autonomous Sanctions List (SEMA / JVCFOA), official XML: a data-set of
/// record elements with Country (regime), LastName/GivenName or EntityOrShip, Aliases,
/// DateOfBirthOrShipBuildDate, ShipIMONumber, Schedule and Item.
/// </summary>
public sealed partial class CanadaSemaXmlParser : IListParser
{
    public const string ListName = "CA";
    public const string SourceUrl = "https://www.international.gc.ca/world-monde/assets/office_docs/international_relations-relations_internationales/sanctions/sema-lmes.xml";

    public string Format => "Canada SEMA XML";

    public bool CanParse(ListFile file) => file.LooksLikeXml && file.Head.Contains("<data-set", StringComparison.Ordinal) && file.Head.Contains("<record", StringComparison.Ordinal);

    public ParsedList Parse(ListFile file, IReadOnlyList<ListFile> allFiles)
    {
        var parsed = XmlRecords.Parse(file, ListName, n => n == "record", ToEntry);
        // The file has no generation date; its newest listing date is the best stand-in.
        var newest = parsed.Entries.Where(e => e.ListedOn is not null).Select(e => e.ListedOn!.Value).OrderByDescending(d => d.Value).FirstOrDefault();
        return parsed with { Published = parsed.Entries.Any(e => e.ListedOn is not null) ? newest : null };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Z][a-z]+:\s*")]
    private static partial System.Text.RegularExpressions.Regex LanguageLabel();

    /// <summary>Comma-separated aliases, some labelled with their language ("Russian: Сергей ...").</summary>
    private static List<string> Aliases(string? text) =>
        (text ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(a => LanguageLabel().Replace(a, ""))
            .Where(a => a.Length > 1).Distinct().ToList();

    private static ListEntry? ToEntry(XElement e)
    {
        var last = Child(e, "LastName");
        var given = Child(e, "GivenName");
        var entity = Child(e, "EntityOrShip");
        var name = entity ?? string.Join(' ', new[] { given, last }.Where(s => s is not null));
        if (name.Length == 0) throw new InvalidDataException("record without a name");
        var imo = Child(e, "ShipIMONumber");
        var isShip = imo is not null || Child(e, "TitleOrShip") is { } t && entity is not null && t.Contains("ship", StringComparison.OrdinalIgnoreCase);
        var regime = Child(e, "Country");
        var schedule = Child(e, "Schedule");
        var item = Child(e, "Item");
        var identifiers = new List<EntryIdentifier>();
        if (imo is not null) identifiers.Add(new EntryIdentifier("imo", imo));
        // Regime names are bilingual ("Belarus / Bélarus"); the English half names the programme.
        var program = regime?.Split(" / ")[0].Trim();
        return new ListEntry
        {
            List = ListName,
            ListId = $"{program}/{schedule}/{item}",
            Schema = entity is null ? EntitySchema.Person : isShip ? EntitySchema.Vessel : EntitySchema.Organization,
            Name = name,
            Aliases = Aliases(Child(e, "Aliases")),
            BirthDates = entity is null && Date(Child(e, "DateOfBirthOrShipBuildDate")) is { } dob ? [dob] : [],
            Identifiers = identifiers,
            Programs = program is null ? [] : [program],
            ListedOn = Date(Child(e, "DateOfListing")),
            SourceUrl = SourceUrl,
        };
    }
}
