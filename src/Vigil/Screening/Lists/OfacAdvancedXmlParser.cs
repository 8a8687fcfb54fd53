using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Vigil.Model;

namespace Vigil.Screening.Lists;

/// <summary>
/// OFAC's advanced XML (sdn_advanced.xml, cons_advanced.xml; root &lt;Sanctions&gt;, the
/// "ADVANCED_XML" namespace or the older http://www.un.org/sanctions/1.0): a normalised file whose
/// DistinctParties hold each party's Profile (Identity → Alias → DocumentedName →
/// DocumentedNamePart → NamePartValue, with NamePartGroups giving each part's type) and Features
/// (birth date as a DatePeriod, nationality and address through Locations, vessel call sign, flag
/// and MMSI as details), with identity documents (passport, IMO, SWIFT/BIC) in IDRegDocuments,
/// programmes and listing dates in SanctionsEntries, and every coded value (alias type, name part
/// type, feature type, country, document type) spelled out once in ReferenceValueSets. The file is
/// streamed one top-level record at a time and cross-references resolved at the end.
/// </summary>
public sealed class OfacAdvancedXmlParser : IListParser
{
    public const string SdnAdvancedUrl = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN_ADVANCED.XML";
    public const string ConsolidatedAdvancedUrl = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_ADVANCED.XML";

    public string Format => "OFAC advanced XML";

    public bool CanParse(ListFile file) =>
        file.LooksLikeXml && file.Head.Contains("<Sanctions", StringComparison.Ordinal)
        && (file.Head.Contains("ADVANCED_XML", StringComparison.Ordinal) || file.Head.Contains("un.org/sanctions/1.0", StringComparison.Ordinal)
            || file.Head.Contains("<DateOfIssue", StringComparison.Ordinal) || file.Head.Contains("<ReferenceValueSets", StringComparison.Ordinal));

    /// <summary>One DistinctParty as read, its codes not yet resolved.</summary>
    private sealed record Party(string FixedRef, int Line, string? ProfileId, string? SubTypeId, List<(List<(string Value, string? TypeId)> Parts, string? AliasTypeId, bool Primary, bool LowQuality)> Names,
        List<string> IdentityIds, List<(string TypeId, string? Detail, string? LocationId, FuzzyDate? From, FuzzyDate? To)> Features, string? Comment);

    private sealed class Reference
    {
        public Dictionary<string, string> AliasTypes { get; } = [];
        public Dictionary<string, string> NamePartTypes { get; } = [];
        public Dictionary<string, string> FeatureTypes { get; } = [];
        public Dictionary<string, string> DocTypes { get; } = [];
        public Dictionary<string, string> PartySubTypes { get; } = [];
        public Dictionary<string, string> PartySubTypeParent { get; } = [];
        public Dictionary<string, string> PartyTypes { get; } = [];
        public Dictionary<string, string> LocPartTypes { get; } = [];
        public Dictionary<string, string> SanctionsTypes { get; } = [];
        public Dictionary<string, (string Name, string? Iso2)> Countries { get; } = [];
    }

    public ParsedList Parse(ListFile file, IReadOnlyList<ListFile> allFiles)
    {
        var consolidated = file.FileName.Contains("cons", StringComparison.OrdinalIgnoreCase);
        var list = consolidated ? OfacCsvParser.ConsolidatedList : OfacCsvParser.SdnList;
        var problems = new List<ListProblem>();
        var reference = new Reference();
        var locations = new Dictionary<string, (string? CountryId, List<(string TypeId, string Value)> Parts)>();
        var documents = new Dictionary<string, List<(string? TypeId, string Number, string? CountryId)>>();
        var parties = new List<Party>();
        var programs = new Dictionary<string, List<string>>();
        var listed = new Dictionary<string, FuzzyDate>();
        FuzzyDate? published = null;
        string? failure = null;
        try
        {
            using var reader = XmlReader.Create(file.Path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true, IgnoreComments = true });
            var lineInfo = (IXmlLineInfo)reader;
            reader.MoveToContent();
            if (reader.LocalName != "Sanctions") return ParsedList.Failed(list, file.Path, $"root element is <{reader.LocalName}>, expected <Sanctions>");
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element) { reader.Read(); continue; }
                var line = lineInfo.LineNumber;
                var name = reader.LocalName;
                // Sections are entered; their records (and the small header elements) are read whole.
                if (reader.Depth == 1 && name is "ReferenceValueSets" or "Locations" or "IDRegDocuments" or "DistinctParties" or "SanctionsEntries") { reader.Read(); continue; }
                if (reader.Depth == 2 && name.EndsWith("Values", StringComparison.Ordinal)) { reader.Read(); continue; }
                var element = (XElement)XNode.ReadFrom(reader);
                try
                {
                    switch (name)
                    {
                        case "DateOfIssue": published = DateParts(element); break;
                        case "Location": ReadLocation(element, locations); break;
                        case "IDRegDocument": ReadDocument(element, documents); break;
                        case "DistinctParty": parties.Add(ReadParty(element, line)); break;
                        case "SanctionsEntry": ReadSanctionsEntry(element, reference, programs, listed); break;
                        default: ReadReferenceValue(element, reference); break;
                    }
                }
                catch (Exception e) when (e is FormatException or InvalidDataException or OverflowException or ArgumentException)
                {
                    problems.Add(new ListProblem(file.Path, $"line {line}, <{name}>: {e.Message}; record skipped"));
                }
            }
        }
        catch (XmlException e)
        {
            failure = $"line {e.LineNumber}, position {e.LinePosition}: malformed XML ({e.Message})";
        }

        var entries = new List<ListEntry>(parties.Count);
        foreach (var party in parties)
        {
            try { entries.Add(ToEntry(party, list, consolidated, reference, locations, documents, programs, listed)); }
            catch (InvalidDataException e) { problems.Add(new ListProblem(file.Path, $"line {party.Line}, <DistinctParty FixedRef=\"{party.FixedRef}\">: {e.Message}; record skipped")); }
        }
        if (failure is not null)
            problems.Add(new ListProblem(file.Path, $"{failure}; {entries.Count} parties read before it were kept, without what the rest of the file says of them. Re-download the file (vigil lists update)."));
        return new ParsedList(list, file.Path, entries, published, problems);
    }

    private static ListEntry ToEntry(Party party, string list, bool consolidated, Reference reference,
        Dictionary<string, (string? CountryId, List<(string TypeId, string Value)> Parts)> locations,
        Dictionary<string, List<(string? TypeId, string Number, string? CountryId)>> documents,
        Dictionary<string, List<string>> programs, Dictionary<string, FuzzyDate> listed)
    {
        if (party.Names.Count == 0) throw new InvalidDataException("the party has no name");
        var names = party.Names.Select(n => (Name: JoinName(n.Parts, reference), n.AliasTypeId, n.Primary, n.LowQuality)).ToList();
        var primary = names.FirstOrDefault(n => n.Primary).Name ?? names[0].Name;
        var strong = new List<string>();
        var weak = new List<string>();
        foreach (var n in names)
        {
            if (n.Name == primary) continue;
            (n.LowQuality || string.Equals(Lookup(reference.AliasTypes, n.AliasTypeId), "weak", StringComparison.OrdinalIgnoreCase) ? weak : strong).Add(n.Name);
        }

        var subType = Lookup(reference.PartySubTypes, party.SubTypeId)?.ToLowerInvariant();
        var partyType = Lookup(reference.PartyTypes, party.SubTypeId is null ? null : reference.PartySubTypeParent.GetValueOrDefault(party.SubTypeId))?.ToLowerInvariant();
        var schema = subType switch
        {
            "vessel" => EntitySchema.Vessel,
            "aircraft" => EntitySchema.LegalEntity,
            _ => partyType == "individual" ? EntitySchema.Person : EntitySchema.Organization,
        };

        string? Country(string? countryId) => countryId is not null && reference.Countries.TryGetValue(countryId, out var c) ? c.Iso2 ?? CountryLookup.CodeOrName(c.Name) : null;
        string? LocationCountry(string? locationId) => locationId is not null && locations.TryGetValue(locationId, out var l) ? Country(l.CountryId) : null;

        var births = new List<FuzzyDate>();
        var nationalities = new List<string>();
        var identifiers = new List<EntryIdentifier>();
        var addresses = new List<string>();
        foreach (var feature in party.Features)
        {
            var type = (Lookup(reference.FeatureTypes, feature.TypeId) ?? "").ToLowerInvariant();
            switch (type)
            {
                case "birthdate":
                    births.AddRange(BirthDates(feature.From, feature.To));
                    break;
                case "nationality country" or "citizenship country" or "vessel flag" or "nationality of registration":
                    var country = LocationCountry(feature.LocationId) ?? (feature.Detail is { } d ? CountryLookup.CodeOrName(d) : null);
                    if (country is not null) nationalities.Add(country);
                    break;
                case "location":
                    if (feature.LocationId is not null && locations.TryGetValue(feature.LocationId, out var location))
                    {
                        var parts = location.Parts.Select(p => p.Value).ToList();
                        if (location.CountryId is not null && reference.Countries.TryGetValue(location.CountryId, out var c)) parts.Add(c.Name);
                        if (parts.Count > 0) addresses.Add(string.Join(", ", parts));
                    }
                    break;
                case "vessel call sign":
                    if (feature.Detail is { } callSign) identifiers.Add(new EntryIdentifier("call_sign", callSign));
                    break;
                case "mmsi":
                    if (feature.Detail is { } mmsi) identifiers.Add(new EntryIdentifier("mmsi", mmsi));
                    break;
                case "swift/bic":
                    if (feature.Detail is { } bic) identifiers.Add(new EntryIdentifier("swift_bic", bic));
                    break;
            }
        }
        foreach (var identityId in party.IdentityIds)
        {
            if (!documents.TryGetValue(identityId, out var docs)) continue;
            foreach (var (typeId, number, countryId) in docs)
            {
                var docType = Lookup(reference.DocTypes, typeId) ?? "document";
                var (kind, value) = IdentifierType(docType, number);
                identifiers.Add(new EntryIdentifier(kind, value, Country(countryId)));
            }
        }

        return new ListEntry
        {
            List = list,
            ListId = party.FixedRef,
            Schema = schema,
            Name = primary,
            Aliases = strong.Distinct().ToList(),
            WeakAliases = weak.Distinct().ToList(),
            BirthDates = births.Distinct().ToList(),
            Nationalities = nationalities.Distinct().ToList(),
            Identifiers = identifiers.Distinct().ToList(),
            Addresses = addresses.Distinct().ToList(),
            Programs = party.ProfileId is not null && programs.TryGetValue(party.ProfileId, out var p) ? p.Distinct().ToList() : [],
            ListedOn = party.ProfileId is not null && listed.TryGetValue(party.ProfileId, out var date) ? date : null,
            SourceUrl = consolidated ? ConsolidatedAdvancedUrl : SdnAdvancedUrl,
            Remarks = party.Comment,
        };
    }

    /// <summary>A birth date period: one day, one month, one year, or a span of years (up to 20) meaning any of them.</summary>
    private static IEnumerable<FuzzyDate> BirthDates(FuzzyDate? from, FuzzyDate? to)
    {
        if (from is not { } start) yield break;
        var end = to ?? start;
        var (a, b) = (start.Value, end.Value);
        if (a == b) yield return start;
        else if (a.Year == b.Year && a.Month == 1 && a.Day == 1 && b.Month == 12 && b.Day == 31) yield return FuzzyDate.Year(a.Year);
        else if (a.Year == b.Year && a.Month == b.Month && a.Day == 1 && b.Day == DateTime.DaysInMonth(b.Year, b.Month)) yield return FuzzyDate.Month(a.Year, a.Month);
        else if (b.Year - a.Year is > 0 and <= 20) for (var y = a.Year; y <= b.Year; y++) yield return FuzzyDate.Year(y);
        else yield return start;
    }

    private static (string Kind, string Value) IdentifierType(string docType, string number)
    {
        var t = docType.ToLowerInvariant();
        // The vessel's IMO number is a "Vessel Registration Identification" written "IMO 9163518".
        if (number.StartsWith("IMO ", StringComparison.OrdinalIgnoreCase) && (t.Contains("vessel", StringComparison.Ordinal) || t.Contains("imo", StringComparison.Ordinal)))
            return ("imo", number[4..].Trim());
        return t switch
        {
            _ when t.StartsWith("passport", StringComparison.Ordinal) => ("passport", number),
            _ when t.Contains("imo", StringComparison.Ordinal) => (t.StartsWith("vessel", StringComparison.Ordinal) ? "imo" : "imo_company", number),
            "mmsi" => ("mmsi", number),
            "swift/bic" => ("swift_bic", number),
            _ when t.Contains("national id", StringComparison.Ordinal) || t.Contains("cedula", StringComparison.Ordinal) => ("national_id", number),
            _ when t.Contains("tax id", StringComparison.Ordinal) => ("tax_id", number),
            _ when t.Contains("registration", StringComparison.Ordinal) => ("registration", number),
            _ => (t.Replace(' ', '_'), number),
        };
    }

    private static Party ReadParty(XElement party, int line)
    {
        var fixedRef = Attr(party, "FixedRef") ?? throw new InvalidDataException("DistinctParty without FixedRef");
        var profile = Children(party, "Profile").FirstOrDefault() ?? throw new InvalidDataException($"DistinctParty {fixedRef} has no Profile");
        var names = new List<(List<(string, string?)>, string?, bool, bool)>();
        var identityIds = new List<string>();
        foreach (var identity in Children(profile, "Identity"))
        {
            if (Attr(identity, "ID") is { } identityId) identityIds.Add(identityId);
            // Each NamePartGroup says what its parts are (Last Name, First Name, Entity Name, ...).
            var groupTypes = Descendants(identity, "NamePartGroup").Where(g => Attr(g, "ID") is not null)
                .GroupBy(g => Attr(g, "ID")!).ToDictionary(g => g.Key, g => Attr(g.First(), "NamePartTypeID"));
            foreach (var alias in Children(identity, "Alias"))
            {
                var aliasType = Attr(alias, "AliasTypeID");
                var primary = string.Equals(Attr(alias, "Primary"), "true", StringComparison.OrdinalIgnoreCase);
                var low = string.Equals(Attr(alias, "LowQuality"), "true", StringComparison.OrdinalIgnoreCase);
                foreach (var documented in Children(alias, "DocumentedName"))
                {
                    var parts = Descendants(documented, "NamePartValue")
                        .Select(v => (Value: v.Value.Trim(), Type: Attr(v, "NamePartGroupID") is { } g ? groupTypes.GetValueOrDefault(g) : null))
                        .Where(p => p.Value.Length > 0).ToList();
                    if (parts.Count == 0) continue;
                    names.Add((parts, aliasType, primary && names.Count == 0, low));
                }
            }
        }
        var features = new List<(string, string?, string?, FuzzyDate?, FuzzyDate?)>();
        foreach (var feature in Children(profile, "Feature"))
        {
            var typeId = Attr(feature, "FeatureTypeID");
            if (typeId is null) continue;
            foreach (var version in Children(feature, "FeatureVersion"))
            {
                var detail = Children(version, "VersionDetail").Select(d => d.Value.Trim()).FirstOrDefault(d => d.Length > 0);
                var location = Children(version, "VersionLocation").Select(l => Attr(l, "LocationID")).FirstOrDefault(l => l is not null);
                var period = Children(version, "DatePeriod").FirstOrDefault();
                FuzzyDate? from = null, to = null;
                if (period is not null)
                {
                    var start = Children(period, "Start").FirstOrDefault();
                    var end = Children(period, "End").FirstOrDefault();
                    from = DateParts(start is null ? null : Children(start, "From").FirstOrDefault());
                    to = DateParts(end is null ? null : Children(end, "To").FirstOrDefault()) ?? DateParts(start is null ? null : Children(start, "To").FirstOrDefault());
                }
                features.Add((typeId, detail, location, from, to));
            }
        }
        var comment = Children(party, "Comment").Concat(Children(profile, "Comment")).Select(c => c.Value.Trim()).FirstOrDefault(c => c.Length > 0);
        return new Party(fixedRef, line, Attr(profile, "ID"), Attr(profile, "PartySubTypeID"), names, identityIds, features, comment);
    }

    /// <summary>"LAST, First Middle" when a part is a last name, as OFAC's CSV and XML write names; otherwise the parts in file order.</summary>
    private static string JoinName(List<(string Value, string? TypeId)> parts, Reference reference)
    {
        bool IsLast((string Value, string? TypeId) p) => string.Equals(Lookup(reference.NamePartTypes, p.TypeId), "Last Name", StringComparison.OrdinalIgnoreCase);
        var last = parts.Where(IsLast).Select(p => p.Value).ToList();
        var rest = parts.Where(p => !IsLast(p)).Select(p => p.Value).ToList();
        return last.Count == 0 || rest.Count == 0 ? string.Join(' ', parts.Select(p => p.Value)) : $"{string.Join(' ', last)}, {string.Join(' ', rest)}";
    }

    private static void ReadSanctionsEntry(XElement entry, Reference reference, Dictionary<string, List<string>> programs, Dictionary<string, FuzzyDate> listed)
    {
        var profileId = Attr(entry, "ProfileID");
        if (profileId is null) return;
        foreach (var measure in Children(entry, "SanctionsMeasure"))
        {
            var type = Lookup(reference.SanctionsTypes, Attr(measure, "SanctionsTypeID"));
            var comment = Children(measure, "Comment").Select(c => c.Value.Trim()).FirstOrDefault(c => c.Length > 0);
            if (comment is null || (type is not null && !type.Equals("Program", StringComparison.OrdinalIgnoreCase))) continue;
            if (!programs.TryGetValue(profileId, out var list)) programs[profileId] = list = [];
            list.Add(comment);
        }
        var dates = Children(entry, "EntryEvent").Select(e => DateParts(Children(e, "Date").FirstOrDefault())).Where(d => d is not null).Select(d => d!.Value).ToList();
        if (dates.Count > 0) listed[profileId] = dates.MinBy(d => d.Value);
    }

    private static void ReadLocation(XElement location, Dictionary<string, (string? CountryId, List<(string TypeId, string Value)> Parts)> locations)
    {
        var id = Attr(location, "ID") ?? throw new InvalidDataException("Location without ID");
        var country = Children(location, "LocationCountry").Select(c => Attr(c, "CountryID")).FirstOrDefault(c => c is not null);
        var parts = new List<(string, string)>();
        foreach (var part in Children(location, "LocationPart"))
        {
            var values = Children(part, "LocationPartValue").ToList();
            var value = (values.FirstOrDefault(v => string.Equals(Attr(v, "Primary"), "true", StringComparison.OrdinalIgnoreCase)) ?? values.FirstOrDefault()) is { } chosen
                ? Children(chosen, "Value").Select(v => v.Value.Trim()).FirstOrDefault() : null;
            if (!string.IsNullOrEmpty(value)) parts.Add((Attr(part, "LocPartTypeID") ?? "", value));
        }
        locations[id] = (country, parts);
    }

    private static void ReadDocument(XElement document, Dictionary<string, List<(string? TypeId, string Number, string? CountryId)>> documents)
    {
        var identity = Attr(document, "IdentityID");
        var number = Children(document, "IDRegistrationNo").Select(n => n.Value.Trim()).FirstOrDefault(n => n.Length > 0);
        if (identity is null || number is null) return;
        if (!documents.TryGetValue(identity, out var list)) documents[identity] = list = [];
        list.Add((Attr(document, "IDRegDocTypeID"), number, Attr(document, "IssuedBy-CountryID")));
    }

    private static void ReadReferenceValue(XElement value, Reference reference)
    {
        var id = Attr(value, "ID");
        if (id is null) return;
        var text = value.Value.Trim();
        switch (value.Name.LocalName)
        {
            case "AliasType": reference.AliasTypes[id] = text; break;
            case "NamePartType": reference.NamePartTypes[id] = text; break;
            case "FeatureType": reference.FeatureTypes[id] = text; break;
            case "IDRegDocType": reference.DocTypes[id] = text; break;
            case "PartyType": reference.PartyTypes[id] = text; break;
            case "LocPartType": reference.LocPartTypes[id] = text; break;
            case "SanctionsType": reference.SanctionsTypes[id] = text; break;
            case "Country": reference.Countries[id] = (text, Attr(value, "ISO2") is { Length: 2 } iso ? iso.ToUpperInvariant() : null); break;
            case "PartySubType":
                reference.PartySubTypes[id] = text;
                if (Attr(value, "PartyTypeID") is { } parent) reference.PartySubTypeParent[id] = parent;
                break;
        }
    }

    /// <summary>A date written as Year, Month and Day child elements (Month and Day optional).</summary>
    private static FuzzyDate? DateParts(XElement? e)
    {
        if (e is null) return null;
        int? Part(string name) => Children(e, name).Select(p => int.TryParse(p.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null).FirstOrDefault();
        if (Part("Year") is not { } year || year is < 1 or > 9999) return null;
        if (Part("Month") is not { } month || month is < 1 or > 12) return FuzzyDate.Year(year);
        if (Part("Day") is not { } day || day < 1 || day > DateTime.DaysInMonth(year, month)) return FuzzyDate.Month(year, month);
        return FuzzyDate.Day(new NodaTime.LocalDate(year, month, day));
    }

    private static string? Lookup(Dictionary<string, string> values, string? id) => id is not null && values.TryGetValue(id, out var v) ? v : null;

    private static string? Attr(XElement e, string name)
    {
        var value = e.Attribute(name)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static IEnumerable<XElement> Children(XElement e, string localName) => e.Elements().Where(c => c.Name.LocalName == localName);

    private static IEnumerable<XElement> Descendants(XElement e, string localName) => e.Descendants().Where(c => c.Name.LocalName == localName);
}
