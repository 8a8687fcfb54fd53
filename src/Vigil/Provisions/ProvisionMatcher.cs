using System.Globalization;
using System.Text;
using Vigil.Model;
using Vigil.Text;

namespace Vigil.Provisions;

/// <summary>
/// Maps a claim to the provisions it would breach if true, each with the reason. A provision
/// applies when the claim's type is one it covers, the parties stand the right way round (the DPRK
/// supplying, receiving, or taking part), and, for provisions about particular goods or services,
/// the evidence names them. Statements, meetings, treaties and vetoes breach nothing by themselves;
/// a claim whose text does not support a provision maps to none.
/// </summary>
public sealed class ProvisionMatcher(ProvisionCatalog catalog)
{
    private readonly HashSet<string> _dprk = catalog.DprkNames.Select(Key).ToHashSet(StringComparer.Ordinal);

    public ProvisionCatalog Catalog => catalog;

    /// <param name="claim">The claim (actors: supplier first, then recipients).</param>
    /// <param name="namesOf">Every known name of a party (resolved entity name and aliases); the name itself when null.</param>
    /// <param name="isDesignated">Whether a party is designated on the UN Security Council list; never when null.</param>
    public IReadOnlyList<ProvisionMatch> Match(Claim claim, Func<string, IEnumerable<string>>? namesOf = null, Func<string, bool>? isDesignated = null)
    {
        if (claim.Actors.Count == 0) return [];
        namesOf ??= n => [n];
        var isDprk = claim.Actors.Select(a => IsDprk(a, namesOf)).ToArray();
        var evidence = claim.EvidenceText.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var matches = new List<ProvisionMatch>();
        foreach (var entry in catalog.Entries)
        {
            var rule = entry.Rule;
            if (!rule.Types.Contains(claim.Type)) continue;
            string? why = rule.Direction switch
            {
                ProvisionDirection.FromDprk when isDprk[0] => $"the DPRK ({claim.Actors[0]}) is the supplier",
                // A supply to the DPRK needs a supplier outside it: "North Korea ... Pyongyang" names one side twice.
                ProvisionDirection.ToDprk when !isDprk[0] && isDprk.Skip(1).Any(x => x) =>
                    $"the DPRK ({claim.Actors[Array.IndexOf(isDprk, true, 1)]}) is the recipient and {claim.Actors[0]} the supplier",
                ProvisionDirection.InvolvingDprk when isDprk.Any(x => x) => $"the DPRK ({claim.Actors[Array.IndexOf(isDprk, true)]}) is a party",
                ProvisionDirection.DesignatedParty when isDesignated is not null && claim.Actors.FirstOrDefault(isDesignated) is { } listed =>
                    $"{listed} is designated by the UN Security Council",
                _ => null,
            };
            if (why is null) continue;
            var keyword = rule.Keywords.Count == 0 ? "" : rule.Keywords.FirstOrDefault(k => Contains(evidence, k.ToLowerInvariant()));
            if (keyword is null) continue;
            var said = keyword.Length > 0 ? $"; the text names “{keyword}”" : "";
            var hedge = claim.Stance == Stance.Denied ? " (the claim is denied)" : "";
            var prohibits = entry.Provision.Prohibits.Length > 0 ? char.ToLowerInvariant(entry.Provision.Prohibits[0]) + entry.Provision.Prohibits[1..].TrimEnd('.') : "";
            matches.Add(new ProvisionMatch(claim.Id, entry.Provision.Id, entry.Provision.Citation,
                $"{claim.Type.ToWire()}: {why}{said}{hedge}. {entry.Provision.Citation} prohibits {prohibits}.{Unverified(entry)}"));
        }
        return matches;
    }

    // A reader must know when a paragraph number rests on the catalogue's reading alone.
    private static string Unverified(ProvisionEntry entry) =>
        entry.Checked is null ? " (Paragraph number not yet checked against the resolution text.)" : "";

    /// <summary>Whether one of the claim's parties is the DPRK under any of its names.</summary>
    public bool InvolvesDprk(Claim claim, Func<string, IEnumerable<string>>? namesOf = null)
    {
        namesOf ??= n => [n];
        return claim.Actors.Any(a => IsDprk(a, namesOf));
    }

    private bool IsDprk(string party, Func<string, IEnumerable<string>> namesOf) => namesOf(party).Prepend(party).Any(n => _dprk.Contains(Key(n)));

    /// <summary>
    /// Keyword at the start of a word; short ASCII keywords ("coal", "fuel", "iron") must be whole words
    /// so that "ironic" or "fuelled speculation" do not count. Hangul keywords may carry particles.
    /// </summary>
    internal static bool Contains(string text, string keyword)
    {
        for (var i = text.IndexOf(keyword, StringComparison.Ordinal); i >= 0; i = text.IndexOf(keyword, i + 1, StringComparison.Ordinal))
        {
            if (i > 0 && char.IsLetterOrDigit(text[i - 1]) && !HangulRomanizer.IsHangulSyllable(keyword[0])) continue;
            var end = i + keyword.Length;
            var wholeWordOnly = keyword.Length < 5 && keyword.All(char.IsAscii);
            if (wholeWordOnly && end < text.Length && char.IsLetter(text[end]) && !(text[end] == 's' && (end + 1 == text.Length || !char.IsLetter(text[end + 1])))) continue;
            return true;
        }
        return false;
    }

    /// <summary>Case- and accent-insensitive comparison key for party names.</summary>
    internal static string Key(string name)
    {
        var sb = new StringBuilder();
        foreach (var ch in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(ch)) sb.Append(char.ToLowerInvariant(ch));
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
