using Vigil.Model;

namespace Vigil.Tests.Screening.Lists;

public sealed class EuFsfXmlParserTests
{
    private const string Sample = """
        <?xml version="1.0" encoding="UTF-8"?>
        <export xmlns="http://eu.europa.eu/fpi/fsd/export" generationDate="2025-05-20T10:00:00.000+02:00" globalFileId="1">
          <sanctionEntity designationDate="2016-03-04" designationDetails="" unitedNationId="KPi.033" euReferenceNumber="EU.4051.38" logicalId="4051">
            <regulation regulationType="regulation" organisationType="council" publicationDate="2016-03-04" programme="PRK" logicalId="1"/>
            <subjectType code="person" classificationCode="P"/>
            <nameAlias firstName="Jong Un" middleName="" lastName="Kim" wholeName="Kim Jong Un" function="Chairman" gender="M" nameLanguage="" strong="true" logicalId="1"/>
            <nameAlias wholeName="Kim Jong-un" strong="false" logicalId="2"/>
            <nameAlias wholeName="김정은" nameLanguage="KO" strong="true" logicalId="3"/>
            <citizenship region="" countryIso2Code="KP" countryDescription="NORTH KOREA" logicalId="1"/>
            <birthdate circa="false" calendarType="GREGORIAN" city="" birthdate="1984-01-08" dayOfMonth="8" monthOfYear="1" year="1984" logicalId="1"/>
            <identification diplomatic="false" known="true" number="836410070" identificationTypeCode="passport" countryIso2Code="KP" logicalId="1"/>
          </sanctionEntity>
          <sanctionEntity designationDate="2013-01-22" euReferenceNumber="EU.10.47" logicalId="10">
            <regulation programme="PRK" logicalId="2"/>
            <subjectType code="enterprise" classificationCode="E"/>
            <nameAlias wholeName="Korea Mining Development Trading Corporation" strong="true" logicalId="4"/>
            <nameAlias wholeName="KOMID" strong="true" logicalId="5"/>
          </sanctionEntity>
        </export>
        """;

    [Fact]
    public void Reads_persons_and_enterprises_with_strong_and_weak_names()
    {
        var result = ListFormatTestFiles.LoadOne("eu.xml", Sample);
        Assert.Empty(result.Problems);
        var kim = result.Entries.Single(e => e.ListId == "EU.4051.38");
        Assert.Equal("EU", kim.List);
        Assert.Equal(EntitySchema.Person, kim.Schema);
        Assert.Equal("Kim Jong Un", kim.Name);
        Assert.Contains("김정은", kim.Aliases);
        Assert.Contains("Kim Jong-un", kim.WeakAliases);
        Assert.Equal(["KP"], kim.Nationalities);
        Assert.Equal("1984-01-08", kim.BirthDates.Single().ToString());
        Assert.Contains(kim.Identifiers, i => i.Type == "passport" && i.Value == "836410070");
        Assert.Equal(["PRK"], kim.Programs);
        var komid = result.Entries.Single(e => e.ListId == "EU.10.47");
        Assert.Equal(EntitySchema.Organization, komid.Schema);
        Assert.Contains("KOMID", komid.Aliases);
        Assert.Equal("2025-05-20", result.Lists.Single().Published.ToString());
    }

    [Fact]
    public void A_truncated_file_keeps_the_records_before_the_break_and_names_the_line()
    {
        var result = ListFormatTestFiles.LoadOne("eu.xml", Sample[..Sample.IndexOf("<subjectType code=\"enterprise\"", StringComparison.Ordinal)]);
        Assert.Single(result.Entries);
        Assert.Contains("line", Assert.Single(result.Problems).Message);
    }
}
