using System.Xml;
using System.Xml.Linq;
using Vigil.Model;

namespace Vigil.Screening.Lists;

/// <summary>
/// UN Security Council Consolidated List, official XML (CONSOLIDATED_LIST, schema
/// https://www.un.org/sc/resources/sc-sanctions.xsd): INDIVIDUAL and ENTITY records.
/// </summary>
public sealed class UnScXmlParser : IListParser
{
    public const string ListName = "UN-SC";
    public const string SourceUrl = "https://scsanctions.un.org/resources/xml/en/consolidated.xml";

    public string Format => "UN SC consolidated XML";

    public bool CanParse(ListFile file) => file.LooksLikeXml && file.Head.Contains("<CONSOLIDATED_LIST", StringComparison.Ordinal);

    public ParsedList Parse(ListFile file, IReadOnlyList<ListFile> allFiles)
    {
        var entries = new List<ListEntry>();
        var problems = new List<ListProblem>();
        FuzzyDate? published = null;
        using var reader = XmlReader.Create(file.Path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true, IgnoreComments = true });
        var lineInfo = (IXmlLineInfo)reader;
        try
        {
            reader.MoveToContent();
            if (reader.LocalName != "CONSOLIDATED_LIST")
                return ParsedList.Failed(ListName, file.Path, $"root element is <{reader.LocalName}>, expected <CONSOLIDATED_LIST>");
            if (FuzzyDate.TryParse(reader.GetAttribute("dateGenerated"), out var generated)) published = generated;
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "INDIVIDUAL" or "ENTITY")
                {
                    var line = lineInfo.LineNumber;
                    var element = (XElement)XNode.ReadFrom(reader);
                    try { entries.Add(ToEntry(element)); }
                    catch (Exception e) when (e is FormatException or InvalidDataException)
                    {
                        problems.Add(new ListProblem(file.Path, $"line {line}, <{element.Name.LocalName}>: {e.Message}; record skipped"));
                    }
                }
                else reader.Read();
            }
        }
        catch (XmlException e)
        {
            problems.Add(new ListProblem(file.Path, $"line {e.LineNumber}, position {e.LinePosition}: malformed XML ({e.Message}); {entries.Count} records read before it were kept. Re-download the file (vigil lists update)."));
        }
        return new ParsedList(ListName, file.Path, entries, published, problems);
    }

    private static ListEntry ToEntry(XElement e)
    {
        var isPerson = e.Name.LocalName == "INDIVIDUAL";
        var reference = V(e, "REFERENCE_NUMBER") ?? throw new InvalidDataException("no REFERENCE_NUMBER");
        var name = string.Join(' ', new[] { "FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME" }.Select(n => V(e, n)).Where(s => s is not null));
        if (name.Length == 0) throw new InvalidDataException($"{reference} has no name");
        var aliases = new List<string>();
        var weak = new List<string>();
        if (V(e, "NAME_ORIGINAL_SCRIPT") is { } original) aliases.Add(original);
        foreach (var alias in e.Elements(isPerson ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS"))
        {
            var aliasName = V(alias, "ALIAS_NAME");
            if (aliasName is null) continue;
            // The UN marks poor-quality aliases "Low"; they are kept as weak aliases.
            (string.Equals(V(alias, "QUALITY"), "Low", StringComparison.OrdinalIgnoreCase) ? weak : aliases).Add(aliasName);
        }
        var dates = new List<FuzzyDate>();
        foreach (var dob in e.Elements("INDIVIDUAL_DATE_OF_BIRTH"))
        {
            if (FuzzyDate.TryParse(V(dob, "DATE"), out var d)) dates.Add(d);
            else if (int.TryParse(V(dob, "YEAR"), out var y) && y > 1800) dates.Add(FuzzyDate.Year(y));
            if (int.TryParse(V(dob, "FROM_YEAR"), out var from) && int.TryParse(V(dob, "TO_YEAR"), out var to) && from > 1800 && to >= from && to - from <= 20)
                for (var year = from; year <= to; year++) dates.Add(FuzzyDate.Year(year));
        }
        var nationalities = e.Elements("NATIONALITY").Elements("VALUE").Select(v => v.Value.Trim()).Where(s => s.Length > 0).Select(CountryLookup.CodeOrName).Distinct().ToList();
        var identifiers = new List<EntryIdentifier>();
        foreach (var doc in e.Elements("INDIVIDUAL_DOCUMENT"))
        {
            var number = V(doc, "NUMBER");
            if (number is null) continue;
            identifiers.Add(new EntryIdentifier(V(doc, "TYPE_OF_DOCUMENT") ?? "document", number, CountryLookup.TryGetCode(V(doc, "ISSUING_COUNTRY") ?? V(doc, "COUNTRY_OF_ISSUE"))));
        }
        var addresses = e.Elements(isPerson ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS")
            .Select(a => string.Join(", ", new[] { "STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY" }.Select(n => V(a, n)).Where(s => s is not null)))
            .Where(s => s.Length > 0).ToList();
        var remarks = V(e, "COMMENTS1");
        identifiers.AddRange(RemarksParser.Identifiers(remarks));
        return new ListEntry
        {
            List = ListName,
            ListId = reference.Trim(),
            Schema = isPerson ? EntitySchema.Person : EntitySchema.Organization,
            Name = name,
            Aliases = aliases.Distinct().ToList(),
            WeakAliases = weak.Distinct().ToList(),
            BirthDates = dates.Distinct().ToList(),
            Nationalities = nationalities,
            Identifiers = identifiers,
            Addresses = addresses,
            Programs = V(e, "UN_LIST_TYPE") is { } program ? [program] : [],
            ListedOn = FuzzyDate.TryParse(V(e, "LISTED_ON"), out var listed) ? listed : null,
            SourceUrl = SourceUrl,
            Remarks = remarks,
        };
    }

    private static string? V(XElement e, string child)
    {
        var value = e.Element(child)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
