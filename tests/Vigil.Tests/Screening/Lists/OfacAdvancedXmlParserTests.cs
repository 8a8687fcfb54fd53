using Vigil.Model;
using Vigil.Screening;
using Vigil.Screening.Lists;

namespace Vigil.Tests.Screening.Lists;

/// <summary>sdn_advanced.xml written to OFAC's published schema (no full file is available offline).</summary>
public sealed class OfacAdvancedXmlParserTests
{
    internal const string Sample = """
        <?xml version="1.0" encoding="utf-8"?>
        <Sanctions xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADVANCED_XML">
          <DateOfIssue><Year>2025</Year><Month>12</Month><Day>19</Day></DateOfIssue>
          <ReferenceValueSets>
            <AliasTypeValues><AliasType ID="1400">A.K.A.</AliasType><AliasType ID="1401">F.K.A.</AliasType><AliasType ID="1403">Name</AliasType></AliasTypeValues>
            <CountryValues><Country ID="11089" ISO2="KP">Korea, North</Country><Country ID="11232">Russia</Country><Country ID="91529">Panama</Country></CountryValues>
            <FeatureTypeValues><FeatureType ID="8">Birthdate</FeatureType><FeatureType ID="10">Nationality Country</FeatureType><FeatureType ID="25">Location</FeatureType><FeatureType ID="1">Vessel Call Sign</FeatureType><FeatureType ID="3">Vessel Flag</FeatureType></FeatureTypeValues>
            <IDRegDocTypeValues><IDRegDocType ID="1571">Passport</IDRegDocType><IDRegDocType ID="1626">Vessel Registration Identification</IDRegDocType></IDRegDocTypeValues>
            <LocPartTypeValues><LocPartType ID="1451">ADDRESS1</LocPartType><LocPartType ID="1454">CITY</LocPartType></LocPartTypeValues>
            <NamePartTypeValues><NamePartType ID="1520">Last Name</NamePartType><NamePartType ID="1521">First Name</NamePartType><NamePartType ID="1525">Entity Name</NamePartType><NamePartType ID="1526">Vessel Name</NamePartType></NamePartTypeValues>
            <PartySubTypeValues><PartySubType ID="1" PartyTypeID="2">Vessel</PartySubType><PartySubType ID="3" PartyTypeID="2">Unknown</PartySubType><PartySubType ID="4" PartyTypeID="1">Unknown</PartySubType></PartySubTypeValues>
            <PartyTypeValues><PartyType ID="1">Individual</PartyType><PartyType ID="2">Entity</PartyType></PartyTypeValues>
            <SanctionsTypeValues><SanctionsType ID="1">Program</SanctionsType><SanctionsType ID="2">Block</SanctionsType></SanctionsTypeValues>
          </ReferenceValueSets>
          <Locations>
            <Location ID="900"><LocationCountry CountryID="11089"/></Location>
            <Location ID="901">
              <LocationCountry CountryID="11089"/>
              <LocationPart LocPartTypeID="1451"><LocationPartValue Primary="true"><Value>Sosong Street</Value></LocationPartValue></LocationPart>
              <LocationPart LocPartTypeID="1454"><LocationPartValue Primary="true"><Value>Pyongyang</Value></LocationPartValue></LocationPart>
            </Location>
            <Location ID="902"><LocationCountry CountryID="91529"/></Location>
          </Locations>
          <IDRegDocuments>
            <IDRegDocument ID="1" IDRegDocTypeID="1571" IdentityID="52" IssuedBy-CountryID="11089"><IDRegistrationNo>836110034</IDRegistrationNo></IDRegDocument>
            <IDRegDocument ID="2" IDRegDocTypeID="1626" IdentityID="53"><IDRegistrationNo>IMO 8712362</IDRegistrationNo></IDRegDocument>
          </IDRegDocuments>
          <DistinctParties>
            <DistinctParty FixedRef="21001">
              <Comment/>
              <Profile ID="21001" PartySubTypeID="4">
                <Identity ID="52" FixedRef="21001" Primary="true" False="false">
                  <Alias FixedRef="21001" AliasTypeID="1403" Primary="true" LowQuality="false">
                    <DocumentedName ID="1" FixedRef="21001" DocNameStatusID="1">
                      <DocumentedNamePart><NamePartValue NamePartGroupID="11" ScriptID="215">KIM</NamePartValue></DocumentedNamePart>
                      <DocumentedNamePart><NamePartValue NamePartGroupID="12" ScriptID="215">Jong Un</NamePartValue></DocumentedNamePart>
                    </DocumentedName>
                  </Alias>
                  <Alias FixedRef="21001" AliasTypeID="1400" Primary="false" LowQuality="false">
                    <DocumentedName ID="2" FixedRef="21001" DocNameStatusID="1">
                      <DocumentedNamePart><NamePartValue NamePartGroupID="13" ScriptID="300">김정은</NamePartValue></DocumentedNamePart>
                    </DocumentedName>
                  </Alias>
                  <Alias FixedRef="21001" AliasTypeID="1400" Primary="false" LowQuality="true">
                    <DocumentedName ID="3" FixedRef="21001" DocNameStatusID="1">
                      <DocumentedNamePart><NamePartValue NamePartGroupID="14" ScriptID="215">Marshal</NamePartValue></DocumentedNamePart>
                    </DocumentedName>
                  </Alias>
                  <NamePartGroups>
                    <MasterNamePartGroup><NamePartGroup ID="11" NamePartTypeID="1520"/></MasterNamePartGroup>
                    <MasterNamePartGroup><NamePartGroup ID="12" NamePartTypeID="1521"/></MasterNamePartGroup>
                  </NamePartGroups>
                </Identity>
                <Feature ID="1" FeatureTypeID="8">
                  <FeatureVersion ID="1" ReliabilityID="1">
                    <DatePeriod CalendarTypeID="1" YearFixed="false" MonthFixed="false" DayFixed="false">
                      <Start Approximate="false"><From><Year>1984</Year><Month>1</Month><Day>8</Day></From><To><Year>1984</Year><Month>1</Month><Day>8</Day></To></Start>
                      <End Approximate="false"><From><Year>1984</Year><Month>1</Month><Day>8</Day></From><To><Year>1984</Year><Month>1</Month><Day>8</Day></To></End>
                    </DatePeriod>
                  </FeatureVersion>
                  <IdentityReference IdentityID="52" IdentityFeatureLinkTypeID="1"/>
                </Feature>
                <Feature ID="2" FeatureTypeID="8">
                  <FeatureVersion ID="2" ReliabilityID="1">
                    <DatePeriod CalendarTypeID="1">
                      <Start><From><Year>1982</Year><Month>1</Month><Day>1</Day></From><To><Year>1982</Year><Month>1</Month><Day>1</Day></To></Start>
                      <End><From><Year>1983</Year><Month>12</Month><Day>31</Day></From><To><Year>1983</Year><Month>12</Month><Day>31</Day></To></End>
                    </DatePeriod>
                  </FeatureVersion>
                </Feature>
                <Feature ID="3" FeatureTypeID="10"><FeatureVersion ID="3"><VersionLocation LocationID="900"/></FeatureVersion></Feature>
                <Feature ID="4" FeatureTypeID="25"><FeatureVersion ID="4"><VersionLocation LocationID="901"/></FeatureVersion></Feature>
              </Profile>
            </DistinctParty>
            <DistinctParty FixedRef="21002">
              <Profile ID="21002" PartySubTypeID="1">
                <Identity ID="53" FixedRef="21002" Primary="true">
                  <Alias FixedRef="21002" AliasTypeID="1403" Primary="true" LowQuality="false">
                    <DocumentedName ID="4"><DocumentedNamePart><NamePartValue NamePartGroupID="21">CHON MA SAN</NamePartValue></DocumentedNamePart></DocumentedName>
                  </Alias>
                  <NamePartGroups><MasterNamePartGroup><NamePartGroup ID="21" NamePartTypeID="1526"/></MasterNamePartGroup></NamePartGroups>
                </Identity>
                <Feature ID="5" FeatureTypeID="1"><FeatureVersion ID="5"><VersionDetail DetailTypeID="1432">HMZF</VersionDetail></FeatureVersion></Feature>
                <Feature ID="6" FeatureTypeID="3"><FeatureVersion ID="6"><VersionLocation LocationID="902"/></FeatureVersion></Feature>
              </Profile>
            </DistinctParty>
            <DistinctParty FixedRef="21003"><Comment>no profile</Comment></DistinctParty>
          </DistinctParties>
          <ProfileRelationships/>
          <SanctionsEntries>
            <SanctionsEntry ID="1" ProfileID="21001" ListID="1550">
              <EntryEvent ID="1" EntryEventTypeID="1" LegalBasisID="1"><Date><Year>2016</Year><Month>7</Month><Day>6</Day></Date></EntryEvent>
              <SanctionsMeasure ID="1" SanctionsTypeID="1"><Comment>DPRK2</Comment></SanctionsMeasure>
              <SanctionsMeasure ID="2" SanctionsTypeID="2"><Comment/></SanctionsMeasure>
            </SanctionsEntry>
            <SanctionsEntry ID="2" ProfileID="21002" ListID="1550">
              <SanctionsMeasure ID="3" SanctionsTypeID="1"><Comment>DPRK3</Comment></SanctionsMeasure>
            </SanctionsEntry>
          </SanctionsEntries>
        </Sanctions>
        """;

    [Fact]
    public void Reads_names_features_documents_and_programmes_across_the_normalised_sections()
    {
        var result = ListFormatTestFiles.LoadOne("sdn_advanced.xml", Sample);
        var kim = result.Entries.Single(e => e.ListId == "21001");
        Assert.Equal("US-OFAC", kim.List);
        Assert.Equal(EntitySchema.Person, kim.Schema);
        Assert.Equal("KIM, Jong Un", kim.Name);
        Assert.Contains("김정은", kim.Aliases);
        Assert.Equal(["Marshal"], kim.WeakAliases);
        Assert.Equal(["1984-01-08", "1982", "1983"], kim.BirthDates.Select(d => d.ToString()));
        Assert.Equal(["KP"], kim.Nationalities);
        Assert.Contains(new EntryIdentifier("passport", "836110034", "KP"), kim.Identifiers);
        Assert.Equal(["Sosong Street, Pyongyang, Korea, North"], kim.Addresses);
        Assert.Equal(["DPRK2"], kim.Programs);
        Assert.Equal("2016-07-06", kim.ListedOn.ToString());
        Assert.Equal("2025-12-19", result.Lists.Single().Published.ToString());

        var vessel = result.Entries.Single(e => e.ListId == "21002");
        Assert.Equal(EntitySchema.Vessel, vessel.Schema);
        Assert.Equal("CHON MA SAN", vessel.Name);
        Assert.Contains(new EntryIdentifier("imo", "8712362"), vessel.Identifiers);
        Assert.Contains(new EntryIdentifier("call_sign", "HMZF"), vessel.Identifiers);
        Assert.Equal(["PA"], vessel.Nationalities);
    }

    [Fact]
    public void A_party_without_a_profile_is_skipped_with_its_line()
    {
        var result = ListFormatTestFiles.LoadOne("sdn_advanced.xml", Sample);
        Assert.Equal(2, result.Entries.Count);
        var problem = Assert.Single(result.Problems);
        Assert.Contains("<DistinctParty>", problem.Message);
        Assert.Matches(@"line \d+", problem.Message);
    }

    [Fact]
    public void A_truncated_file_names_the_file_and_line_and_the_other_lists_still_load()
    {
        var dir = Directory.CreateTempSubdirectory("vigil-adv-");
        try
        {
            var cut = Sample.IndexOf("<DistinctParty FixedRef=\"21002\">", StringComparison.Ordinal) + 40;
            File.WriteAllText(Path.Combine(dir.FullName, "sdn_advanced.xml"), Sample[..cut]);
            File.WriteAllText(Path.Combine(dir.FullName, "consolidated.xml"), """
                <?xml version="1.0"?><CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:00Z"><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>KIM</FIRST_NAME><SECOND_NAME>JONG UN</SECOND_NAME><REFERENCE_NUMBER>KPi.999</REFERENCE_NUMBER></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>
                """);
            var result = ListLoader.Load(dir.FullName, ListLoadOptions.NoCache);
            var problem = result.Problems.Single(p => p.File.EndsWith("sdn_advanced.xml", StringComparison.Ordinal) && p.Message.Contains("malformed", StringComparison.Ordinal));
            Assert.Matches(@"line \d+, position \d+", problem.Message);
            Assert.Contains(result.Entries, e => e.ListId == "KPi.999");
            Assert.Contains(result.Entries, e => e.ListId == "21001"); // parties before the break are kept
        }
        finally { dir.Delete(recursive: true); }
    }

    [Fact]
    public void The_legacy_sdnList_xml_is_not_taken_for_the_advanced_format()
    {
        var file = new ListFile("/x/sdn.xml", "<?xml version=\"1.0\"?><sdnList xmlns=\"http://tempuri.org/sdnList.xsd\"><publshInformation>");
        Assert.False(new OfacAdvancedXmlParser().CanParse(file));
        Assert.True(new OfacAdvancedXmlParser().CanParse(new ListFile("/x/sdn_advanced.xml", Sample[..600])));
    }
}
