using Vigil.Extraction;
using Vigil.Text;

namespace Vigil.Tests.Extraction;

public class ClaimLexiconTests
{
    [Fact]
    public void Trigger_bits_stay_below_the_list_bits()
    {
        Assert.True(ClaimLexicon.Triggers.Length <= ClaimLexicon.ListBit, $"{ClaimLexicon.Triggers.Length} trigger types need ListBit >= {ClaimLexicon.Triggers.Length}");
        Assert.True(ClaimLexicon.Relay > 0, "the last list bit must fit in an int");
    }

    [Fact]
    public void A_mask_has_the_bit_of_every_list_the_key_starts_like()
    {
        const string text = "Russia signed the treaty; Pyongyang denied it had supplied missiles, reportedly paid in rubles, the ministry said, as reported by Reuters. "
                            + "La Russia avrebbe firmato l'accordo e fornito armi: sanzioni imposte, secondo la Tass. Россия подписала договор и отрицает поставки оружия. "
                            + "met meets metropolitan talks 무기 제재 부과";
        var keys = Tokenizer.Keys(text, Tokenizer.Tokenize(text));
        var lists = ClaimLexicon.Triggers.Select((t, i) => (t.Prefixes, Bit: ClaimLexicon.TriggerBit(i)))
            .Concat([(ClaimLexicon.AgreementWords, ClaimLexicon.Agreement), (ClaimLexicon.TransferVerbs, ClaimLexicon.Transfer),
                (ClaimLexicon.SanctionVerbs, ClaimLexicon.Sanction), (ClaimLexicon.DenialWords, ClaimLexicon.Denial), (ClaimLexicon.HedgeWords, ClaimLexicon.Hedge),
                (ClaimLexicon.ReportingVerbs, ClaimLexicon.Reporting), (ClaimLexicon.RelayCues, ClaimLexicon.Relay), (ClaimLexicon.EvasionWords, ClaimLexicon.Evasion)]).ToList();

        var masks = ClaimLexicon.Masks(keys);

        for (var i = 0; i < keys.Length; i++)
            foreach (var (prefixes, bit) in lists)
                Assert.True(ClaimLexicon.StartsWithAny(keys[i], prefixes) == ((masks[i] & bit) != 0), $"'{keys[i]}' and bit {bit}");
        Assert.Contains(masks, m => m != 0);
        Assert.Equal(0, masks[Array.IndexOf(keys, "metropolitan")] & ClaimLexicon.TriggerBit(Array.FindIndex(ClaimLexicon.Triggers, t => t.Type == Vigil.Model.ClaimType.Meeting)));
    }
}
