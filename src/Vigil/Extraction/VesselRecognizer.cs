using Vigil.Model;
using Vigil.Text;

namespace Vigil.Extraction;

/// <summary>
/// Vessels named with their IMO number ("the tanker SKY STAR (IMO 9123456)", "la nave Angara, IMO
/// 9179842") or after a vessel word ("il cargo LADY R"), with the flag when the text gives it next
/// to them ("Panama-flagged", "under the flag of Togo", "под флагом Сьерра-Леоне", "battente bandiera di Panama").
/// An IMO number is accepted only when its check digit is right.
/// </summary>
public static class VesselRecognizer
{
    private static readonly string[] FlagCues = ["flag", "flagged", "bandiera", "pavillon", "bandera", "flagge", "флагом", "флаг", "선적", "국적"];

    public static List<Mention> Recognize(string documentId, string text, IReadOnlyList<Token> tokens, IReadOnlyList<SentenceSpan> sentences, IReadOnlyList<Mention> places, string[]? keys = null)
    {
        keys ??= Tokenizer.Keys(text, tokens);
        var result = new List<Mention>();
        var used = new HashSet<int>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (keys[i] != "imo") continue;
            var j = i + 1;
            while (j < tokens.Count && keys[j] is ":" or "no" or "." or "number" or "n" or "#" or "numero" or "№") j++;
            if (j >= tokens.Count || tokens[j].Kind != TokenKind.Number || tokens[j].Length != 7 || !IsValidImo(tokens[j].SpanOf(text))) continue;
            var imo = tokens[j].TextOf(text);
            // The name: the capitalised words just before "(IMO" / ", IMO", else just after a vessel word before it.
            var end = i - 1;
            while (end >= 0 && tokens[end].Kind == TokenKind.Punctuation && tokens[end].Length == 1 && text[tokens[end].Start] is '(' or ',' or '-' or '–') end--;
            var start = end;
            while (start >= 0 && start > end - 5 && tokens[start].Kind is TokenKind.Word or TokenKind.Number && IsNameWord(text, tokens[start]) && !EntityRecognizer.VesselCue(keys[start])) start--;
            start++;
            if (start > end || end < 0 || used.Contains(start)) continue;
            var name = text[tokens[start].Start..tokens[end].End];
            var props = new Dictionary<string, string> { ["imoNumber"] = imo };
            var flag = FlagNear(text, tokens, keys, start, j, places);
            if (flag is not null) props["flag"] = flag;
            used.Add(start);
            result.Add(new Mention(new Span(documentId, tokens[start].Start, tokens[end].End), name, EntitySchema.Vessel, Display(name), 0.9) { Properties = props });
        }
        // Vessel word + a name in capitals: "the tanker SKY STAR", "il cargo LADY R"
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (!EntityRecognizer.VesselCue(keys[i])) continue;
            var start = i + 1;
            var end = start - 1;
            while (end + 1 < tokens.Count && end + 1 < start + 4 && IsAllCaps(text, tokens[end + 1])) end++;
            if (end < start || used.Contains(start) || (end == start && tokens[start].Length < 3)) continue;
            used.Add(start);
            var name = text[tokens[start].Start..tokens[end].End];
            var props = new Dictionary<string, string>();
            var flag = FlagNear(text, tokens, keys, i, end, places);
            if (flag is not null) props["flag"] = flag;
            result.Add(new Mention(new Span(documentId, tokens[start].Start, tokens[end].End), name, EntitySchema.Vessel, Display(name), 0.7) { Properties = props.Count > 0 ? props : null });
        }
        return result;
    }

    private static string Display(string name) => Gazetteers.GazetteerBuilder.Display(name);

    private static bool IsNameWord(string text, Token t) => char.IsUpper(text[t.Start]) || t.Kind == TokenKind.Number;

    private static bool IsAllCaps(string text, Token t)
    {
        if (t.Kind == TokenKind.Number) return true;
        if (t.Kind != TokenKind.Word) return false;
        for (var i = t.Start; i < t.End; i++) if (!char.IsUpper(text[i])) return false;
        return true;
    }

    /// <summary>A country mention within a few words of a flag word, or "X-flagged".</summary>
    private static string? FlagNear(string text, IReadOnlyList<Token> tokens, string[] keys, int from, int to, IReadOnlyList<Mention> places)
    {
        var lo = tokens[Math.Max(0, from - 8)].Start;
        var hi = tokens[Math.Min(tokens.Count - 1, to + 8)].End;
        for (var k = Math.Max(0, from - 8); k <= Math.Min(tokens.Count - 1, to + 8); k++)
        {
            if (!FlagCues.Any(c => keys[k].StartsWith(c, StringComparison.Ordinal))) continue;
            var cue = tokens[k];
            var place = places.Where(p => p.Schema == EntitySchema.Location && p.Span.Start >= lo && p.Span.End <= hi)
                .OrderBy(p => Math.Abs(p.Span.Start - cue.Start)).FirstOrDefault(p => Math.Abs(p.Span.Start - cue.Start) < 40);
            if (place is not null) return place.Name;
        }
        return null;
    }

    /// <summary>IMO ship numbers: the 7th digit is the sum of the first six weighted 7..2, modulo 10.</summary>
    public static bool IsValidImo(ReadOnlySpan<char> digits)
    {
        if (digits.Length != 7) return false;
        var sum = 0;
        for (var i = 0; i < 6; i++)
        {
            if (!char.IsDigit(digits[i])) return false;
            sum += (digits[i] - '0') * (7 - i);
        }
        return char.IsDigit(digits[6]) && sum % 10 == digits[6] - '0';
    }
}
