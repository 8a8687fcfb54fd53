using Vigil.Text;

namespace Vigil.Tests.Text;

public class TransliterationTests
{
    [Theory]
    [InlineData("Βλαντιμίρ Πούτιν", "vlantimir poutin")]   // UNGEGN, as modern Greek reads: beta is v
    [InlineData("Βλαντιμίρ Πούτιν", "vladimir putin")]     // the digraphs of foreign names: ντ is d, ου is u
    [InlineData("Ντόναλντ Τραμπ", "donald tramp")]
    [InlineData("Τζο Μπάιντεν", "tzo baiden")]
    [InlineData("Владимир Путин", "vladimir putin")]
    [InlineData("Путин", "putin")]
    public void Names_in_other_scripts_read_as_their_press_spelling(string name, string expected) =>
        Assert.Contains(expected, Transliteration.ToLatinVariants(name).Select(v => v.ToLowerInvariant()));
}
