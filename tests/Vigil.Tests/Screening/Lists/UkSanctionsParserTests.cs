using Vigil.Model;

namespace Vigil.Tests.Screening.Lists;

public sealed class UkSanctionsParserTests
{
    [Fact]
    public void Reads_the_FCDO_xml_designations()
    {
        var result = ListFormatTestFiles.LoadOne("UK-Sanctions-List.xml", """
            <?xml version="1.0" encoding="utf-8"?>
            <Designations xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <DateGenerated>2025-06-01T09:00:00</DateGenerated>
              <Designation>
                <LastUpdated>2024-01-01</LastUpdated>
                <DateDesignated>2022-02-26</DateDesignated>
                <UniqueID>RUS0251</UniqueID>
                <RegimeName>The Russia (Sanctions) (EU Exit) Regulations 2019</RegimeName>
                <IndividualEntityShip>Individual</IndividualEntityShip>
                <Names>
                  <Name><Name1>Vladimir</Name1><Name2>Vladimirovich</Name2><Name6>PUTIN</Name6><NameType>Primary Name</NameType></Name>
                  <Name><Name1>Vladimir</Name1><Name6>POUTINE</Name6><NameType>Alias</NameType><AliasStrength>Weak</AliasStrength></Name>
                </Names>
                <NonLatinNames><NonLatinName><NameNonLatinScript>Владимир Владимирович ПУТИН</NameNonLatinScript></NonLatinName></NonLatinNames>
                <IndividualDetails><Individual><DOBs><DOB>07/10/1952</DOB></DOBs><Nationalities><Nationality>Russia</Nationality></Nationalities></Individual></IndividualDetails>
              </Designation>
              <Designation>
                <UniqueID>RUS1800</UniqueID>
                <IndividualEntityShip>Ship</IndividualEntityShip>
                <Names><Name><Name6>SIG</Name6><NameType>Primary Name</NameType></Name></Names>
                <ShipDetails><Ship><IMONumbers><IMONumber>9239573</IMONumber></IMONumbers></Ship></ShipDetails>
              </Designation>
            </Designations>
            """);
        Assert.Empty(result.Problems);
        var putin = result.Entries.Single(e => e.ListId == "RUS0251");
        Assert.Equal("UK", putin.List);
        Assert.Equal("Vladimir Vladimirovich PUTIN", putin.Name);
        Assert.Contains("Владимир Владимирович ПУТИН", putin.Aliases);
        Assert.Contains("Vladimir POUTINE", putin.WeakAliases);
        Assert.Equal("1952-10-07", putin.BirthDates.Single().ToString());
        Assert.Equal(["RU"], putin.Nationalities);
        var ship = result.Entries.Single(e => e.ListId == "RUS1800");
        Assert.Equal(EntitySchema.Vessel, ship.Schema);
        Assert.Contains(ship.Identifiers, i => i.Type == "imo" && i.Value == "9239573");
    }

    [Fact]
    public void Reads_the_OFSI_csv_grouped_by_group_id()
    {
        var result = ListFormatTestFiles.LoadOne("ConList.csv", """
            Last Updated,01/06/2025
            Name 6,Name 1,Name 2,Name 3,Name 4,Name 5,Title,Name Non-Latin Script,DOB,Nationality,Passport Number,National Identification Number,Other Information,Group Type,Alias Type,Alias Quality,Regime,Listed On,Group ID
            KIM,Jong Un,,,,,,김정은,08/01/1984,(1) North Korea,,,,Individual,Primary name,,Democratic People's Republic of Korea,22/01/2013,13000
            KIM,Jong-un,,,,,,,08/01/1984,,,,,Individual,AKA,Good quality,Democratic People's Republic of Korea,22/01/2013,13000
            KOREA MINING DEVELOPMENT TRADING CORPORATION,,,,,,,,,,,,,Entity,Primary name,,Democratic People's Republic of Korea,22/01/2013,11000
            """);
        Assert.Empty(result.Problems);
        Assert.Equal(2, result.Entries.Count);
        var kim = result.Entries.Single(e => e.ListId == "13000");
        Assert.Equal("Jong Un KIM", kim.Name);
        Assert.Contains("Jong-un KIM", kim.Aliases);
        Assert.Contains("김정은", kim.Aliases);
        Assert.Equal(["KP"], kim.Nationalities);
        Assert.Equal(EntitySchema.Organization, result.Entries.Single(e => e.ListId == "11000").Schema);
        Assert.Equal("2025-06-01", result.Lists.Single().Published.ToString());
    }
}
