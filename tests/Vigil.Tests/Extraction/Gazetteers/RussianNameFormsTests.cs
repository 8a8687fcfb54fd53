using Vigil.Extraction.Gazetteers;
using Vigil.Model;

namespace Vigil.Tests.Extraction.Gazetteers;

public sealed class RussianNameFormsTests
{
    private static OpenCorporaLexicon Lexicon => OpenCorporaLexicon.Installed
        ?? throw new InvalidOperationException(OpenCorporaLexicon.Data.MissingMessage(OpenCorporaLexicon.Data.Directory));

    [Theory]
    // A person's name is declined word by word, keeping gender; initials stay.
    [InlineData("Путина", EntitySchema.Person, "Путин")]
    [InlineData("Путину", EntitySchema.Person, "Путин")]
    [InlineData("Владимиром Путиным", EntitySchema.Person, "Владимир Путин")]
    [InlineData("Анны Ивановой", EntitySchema.Person, "Анна Иванова")]
    [InlineData("Сергея Королева", EntitySchema.Person, "Сергей Королев")]
    [InlineData("В. Путина", EntitySchema.Person, "В. Путин")]
    // A place or organisation up to its head noun: the complement keeps its case.
    [InlineData("Курской области", EntitySchema.Location, "Курская область")]
    [InlineData("Курскую область", EntitySchema.Location, "Курская область")]
    [InlineData("Российской Федерации", EntitySchema.Location, "Российская Федерация")]
    [InlineData("Министерства обороны", EntitySchema.Organization, "Министерство обороны")]
    [InlineData("Газпрому", EntitySchema.Organization, "Газпром")]
    [InlineData("«Роснефти»", EntitySchema.Organization, "«Роснефть»")]
    [InlineData("ООН", EntitySchema.Organization, "ООН")]
    // Unknown and foreign words stay as written.
    [InlineData("Щщыклмн", EntitySchema.Person, "Щщыклмн")]
    [InlineData("Gazprom Neft", EntitySchema.Organization, "Gazprom Neft")]
    public void Puts_a_name_in_the_nominative(string name, EntitySchema schema, string expected) =>
        Assert.Equal(expected, RussianNameForms.Nominative(name, schema, Lexicon));
}
