using System.Globalization;
using Vigil.Model;
using Vigil.Text;

namespace Vigil.Extraction;

/// <summary>
/// Finds amounts with their unit and hedge in it, en, fr, es, de, ru and ko: digits with either
/// grouping convention ("11.000", "13,000", "3,5"), scale words ("11 mila", "2 million", "1만 명"),
/// numbers in words ("десять тысяч", "ten thousand"), vague plurals ("migliaia di", "thousands of"
/// as at least 1,000), and the qualifier before or after ("più di", "more than", "около", "이상").
/// The unit is the counted noun, mapped to an English name when Vigil knows it ("container",
/// "missile", "soldier", "USD"). Years and other date parts are not quantities.
/// </summary>
public static class QuantityTagger
{
    private static readonly Dictionary<string, decimal> Scales = new(StringComparer.Ordinal)
    {
        ["mila"] = 1_000, ["mille"] = 1_000, ["milione"] = 1_000_000, ["milioni"] = 1_000_000, ["miliardo"] = 1_000_000_000, ["miliardi"] = 1_000_000_000,
        ["thousand"] = 1_000, ["thousands"] = 1_000, ["million"] = 1_000_000, ["millions"] = 1_000_000, ["billion"] = 1_000_000_000, ["bn"] = 1_000_000_000, ["m"] = 1_000_000,
        ["millier"] = 1_000, ["milliers"] = 1_000, ["milliard"] = 1_000_000_000, ["milliards"] = 1_000_000_000,
        ["mil"] = 1_000, ["millon"] = 1_000_000, ["millones"] = 1_000_000,
        ["tausend"] = 1_000, ["million"] = 1_000_000, ["millionen"] = 1_000_000, ["mio"] = 1_000_000, ["milliarde"] = 1_000_000_000, ["milliarden"] = 1_000_000_000, ["mrd"] = 1_000_000_000,
        ["тысяча"] = 1_000, ["тысячи"] = 1_000, ["тысяч"] = 1_000, ["тыс"] = 1_000, ["миллион"] = 1_000_000, ["миллиона"] = 1_000_000, ["миллионов"] = 1_000_000, ["млн"] = 1_000_000,
        ["миллиард"] = 1_000_000_000, ["миллиарда"] = 1_000_000_000, ["миллиардов"] = 1_000_000_000, ["млрд"] = 1_000_000_000,
        ["천"] = 1_000, ["만"] = 10_000, ["억"] = 100_000_000, ["조"] = 1_000_000_000_000,
    };

    private static readonly Dictionary<string, decimal> Words = new(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
        ["fifteen"] = 15, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["hundred"] = 100, ["dozen"] = 12,
        ["due"] = 2, ["tre"] = 3, ["quattro"] = 4, ["cinque"] = 5, ["sei"] = 6, ["sette"] = 7, ["otto"] = 8, ["nove"] = 9, ["dieci"] = 10, ["undici"] = 11, ["dodici"] = 12,
        ["venti"] = 20, ["trenta"] = 30, ["quaranta"] = 40, ["cinquanta"] = 50, ["cento"] = 100, ["diecimila"] = 10_000, ["centomila"] = 100_000,
        ["deux"] = 2, ["trois"] = 3, ["quatre"] = 4, ["cinq"] = 5, ["dix"] = 10, ["vingt"] = 20, ["cent"] = 100,
        ["dos"] = 2, ["tres"] = 3, ["cuatro"] = 4, ["cinco"] = 5, ["diez"] = 10, ["veinte"] = 20, ["cien"] = 100,
        ["zwei"] = 2, ["drei"] = 3, ["vier"] = 4, ["funf"] = 5, ["zehn"] = 10, ["zwanzig"] = 20, ["hundert"] = 100, ["zehntausend"] = 10_000,
        ["два"] = 2, ["две"] = 2, ["три"] = 3, ["четыре"] = 4, ["пять"] = 5, ["шесть"] = 6, ["семь"] = 7, ["восемь"] = 8, ["девять"] = 9, ["десять"] = 10,
        ["двенадцать"] = 12, ["двадцать"] = 20, ["тридцать"] = 30, ["сорок"] = 40, ["пятьдесят"] = 50, ["сто"] = 100, ["двести"] = 200, ["триста"] = 300, ["пятьсот"] = 500,
    };

    /// <summary>Plural scale words without a number: "migliaia di soldati" is at least a thousand.</summary>
    private static readonly Dictionary<string, decimal> Vague = new(StringComparer.Ordinal)
    {
        ["decine"] = 10, ["centinaia"] = 100, ["migliaia"] = 1_000, ["milioni"] = 1_000_000,
        ["dozens"] = 12, ["hundreds"] = 100, ["thousands"] = 1_000, ["millions"] = 1_000_000,
        ["dizaines"] = 10, ["centaines"] = 100, ["milliers"] = 1_000, ["decenas"] = 10, ["cientos"] = 100, ["miles"] = 1_000,
        ["dutzende"] = 12, ["hunderte"] = 100, ["tausende"] = 1_000, ["десятки"] = 10, ["сотни"] = 100, ["тысячи"] = 1_000, ["миллионы"] = 1_000_000,
        ["수십"] = 10, ["수백"] = 100, ["수천"] = 1_000, ["수만"] = 10_000,
    };

    private static readonly (string[] Words, QuantityQualifier Q)[] Before =
    [
        (["più", "di"], QuantityQualifier.MoreThan), (["oltre"], QuantityQualifier.MoreThan), (["almeno"], QuantityQualifier.AtLeast), (["circa"], QuantityQualifier.About),
        (["quasi"], QuantityQualifier.About), (["fino", "a"], QuantityQualifier.UpTo), (["meno", "di"], QuantityQualifier.LessThan),
        (["more", "than"], QuantityQualifier.MoreThan), (["over"], QuantityQualifier.MoreThan), (["at", "least"], QuantityQualifier.AtLeast), (["about"], QuantityQualifier.About),
        (["around"], QuantityQualifier.About), (["nearly"], QuantityQualifier.About), (["almost"], QuantityQualifier.About), (["approximately"], QuantityQualifier.About),
        (["some"], QuantityQualifier.About), (["roughly"], QuantityQualifier.About), (["up", "to"], QuantityQualifier.UpTo), (["less", "than"], QuantityQualifier.LessThan), (["fewer", "than"], QuantityQualifier.LessThan),
        (["plus", "de"], QuantityQualifier.MoreThan), (["environ"], QuantityQualifier.About), (["pres", "de"], QuantityQualifier.About), (["jusqu'a"], QuantityQualifier.UpTo), (["au", "moins"], QuantityQualifier.AtLeast), (["moins", "de"], QuantityQualifier.LessThan),
        (["mas", "de"], QuantityQualifier.MoreThan), (["unos"], QuantityQualifier.About), (["unas"], QuantityQualifier.About), (["cerca", "de"], QuantityQualifier.About), (["hasta"], QuantityQualifier.UpTo), (["al", "menos"], QuantityQualifier.AtLeast), (["menos", "de"], QuantityQualifier.LessThan),
        (["mehr", "als"], QuantityQualifier.MoreThan), (["uber"], QuantityQualifier.MoreThan), (["rund"], QuantityQualifier.About), (["etwa"], QuantityQualifier.About), (["fast"], QuantityQualifier.About), (["bis", "zu"], QuantityQualifier.UpTo), (["mindestens"], QuantityQualifier.AtLeast), (["weniger", "als"], QuantityQualifier.LessThan),
        (["более"], QuantityQualifier.MoreThan), (["свыше"], QuantityQualifier.MoreThan), (["больше"], QuantityQualifier.MoreThan), (["около"], QuantityQualifier.About), (["почти"], QuantityQualifier.About),
        (["примерно"], QuantityQualifier.About), (["порядка"], QuantityQualifier.About), (["до"], QuantityQualifier.UpTo), (["не", "менее"], QuantityQualifier.AtLeast), (["менее"], QuantityQualifier.LessThan),
        (["약"], QuantityQualifier.About), (["최대"], QuantityQualifier.UpTo), (["최소"], QuantityQualifier.AtLeast),
    ];

    private static readonly Dictionary<string, QuantityQualifier> After = new(StringComparer.Ordinal)
    {
        ["이상"] = QuantityQualifier.MoreThan, ["이상의"] = QuantityQualifier.MoreThan, ["미만"] = QuantityQualifier.LessThan, ["가량"] = QuantityQualifier.About, ["정도"] = QuantityQualifier.About, ["이하"] = QuantityQualifier.UpTo,
    };

    /// <summary>Known counted nouns (accent-free prefixes) and their English unit name.</summary>
    private static readonly (string Prefix, string Unit)[] Units =
    [
        ("container", "container"), ("contenitor", "container"), ("conteneur", "container"), ("contenedor", "container"), ("контейнер", "container"), ("컨테이너", "container"),
        ("missil", "missile"), ("misil", "missile"), ("ракет", "missile"), ("미사일", "missile"), ("razzi", "rocket"), ("rocket", "rocket"),
        ("proiettil", "shell"), ("shell", "shell"), ("obus", "shell"), ("proyectil", "shell"), ("granat", "shell"), ("снаряд", "shell"), ("포탄", "shell"), ("munizion", "munition"), ("munition", "munition"), ("боеприпас", "munition"),
        ("soldat", "soldier"), ("soldad", "soldier"), ("soldier", "soldier"), ("troop", "soldier"), ("trupp", "soldier"), ("troupe", "soldier"), ("militar", "soldier"), ("военнослужащ", "soldier"), ("солдат", "soldier"), ("военн", "soldier"), ("병력", "soldier"), ("군인", "soldier"), ("병사", "soldier"),
        ("person", "person"), ("people", "person"), ("человек", "person"), ("명", "person"), ("lavorator", "worker"), ("worker", "worker"), ("рабоч", "worker"), ("노동자", "worker"),
        ("dollar", "USD"), ("dollari", "USD"), ("долл", "USD"), ("달러", "USD"), ("$", "USD"), ("euro", "EUR"), ("€", "EUR"), ("евро", "EUR"), ("유로", "EUR"), ("rubl", "RUB"), ("рубл", "RUB"), ("루블", "RUB"), ("won", "KRW"), ("원", "KRW"),
        ("tonnellat", "tonne"), ("ton", "tonne"), ("tonne", "tonne"), ("тонн", "tonne"), ("톤", "tonne"), ("barili", "barrel"), ("barrel", "barrel"), ("баррел", "barrel"), ("배럴", "barrel"),
        ("per cent", "percent"), ("percent", "percent"), ("%", "percent"), ("процент", "percent"), ("퍼센트", "percent"), ("percento", "percent"),
        ("발", "round"), ("round", "round"), ("colpi", "round"), ("nave", "ship"), ("ship", "ship"), ("vessel", "ship"), ("судн", "ship"), ("선박", "ship"), ("carr", "tank"), ("tank", "tank"), ("танк", "tank"), ("전차", "tank"),
    ];

    private static readonly HashSet<string> DateWords = new(StringComparer.Ordinal) { "년", "월", "일", "시", "분", "года", "году", "год", "г" };
    private static readonly HashSet<string> Linkers = new(StringComparer.Ordinal) { "di", "d'", "of", "de", "d", "des", "del", "de los", "von", "der" };

    public static IReadOnlyList<QuantityMention> Tag(string documentId, string text, IReadOnlyList<Token> tokens, IReadOnlyList<DateMention> dates, string[]? keys = null)
    {
        keys ??= Tokenizer.Keys(text, tokens);
        var inDate = new bool[tokens.Count];
        var d = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            while (d < dates.Count && dates[d].Span.End <= tokens[i].Start) d++;
            inDate[i] = d < dates.Count && dates[d].Span.Start <= tokens[i].Start && tokens[i].End <= dates[d].Span.End;
        }
        var result = new List<QuantityMention>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (inDate[i]) continue;
            decimal value; int last; var qualifier = QuantityQualifier.Exact;
            if (tokens[i].Kind == TokenKind.Number)
            {
                // Identifiers (phone numbers, status ids in URLs) are not amounts.
                if (tokens[i].Length > 15 || !TryParseNumber(tokens[i].SpanOf(text), out value)) continue;
                last = i;
            }
            else if (Words.TryGetValue(keys[i], out value))
            {
                last = i;
                // "ten thousand": word numbers add up ("twenty five") before a scale word.
                while (last + 1 < tokens.Count && Words.TryGetValue(keys[last + 1], out var more) && more < value) { value += more; last++; }
                if (!(last + 1 < tokens.Count && Scales.ContainsKey(keys[last + 1])) && value < 10 && keys[i] is not ("dieci" or "ten" or "десять")) continue; // "two leaders" is not worth a quantity
            }
            else if (Vague.TryGetValue(keys[i], out value) && i + 1 < tokens.Count && (Linkers.Contains(keys[i + 1]) || (keys[i].Length > 0 && HangulRomanizer.IsHangulSyllable(keys[i][0]))))
            {
                last = i;
                qualifier = QuantityQualifier.AtLeast;
            }
            else continue;

            var first = i;
            // Scale: "11 mila", "2 million", "1만", "10 тысяч"
            if (last + 1 < tokens.Count && Scales.TryGetValue(keys[last + 1], out var scale) && qualifier == QuantityQualifier.Exact)
            {
                value *= scale; last++;
                if (last + 1 < tokens.Count && keys[last + 1] == "." && keys[last].Length <= 4) last++; // "mln."
            }
            // Korean "1만여 발": scale and 여 (= more than) glued in one word
            if (qualifier == QuantityQualifier.Exact && last == i && last + 1 < tokens.Count && keys[last + 1].Length == 2 && keys[last + 1][1] == '여'
                && Scales.TryGetValue(keys[last + 1][..1], out var glued))
            { value *= glued; qualifier = QuantityQualifier.MoreThan; last++; }
            // Korean "1만여 명": 여 = more than
            if (last + 1 < tokens.Count && keys[last + 1] is "여" && tokens[last + 1].Start == tokens[last].End) { qualifier = QuantityQualifier.MoreThan; last++; }
            if (last + 1 < tokens.Count && DateWords.Contains(keys[last + 1])) continue;
            // A bare four-digit year-like number with no unit is a year the date tagger did not claim.
            if (tokens[i].Kind == TokenKind.Number && value is >= 1900 and <= 2100 && tokens[i].Length == 4) continue;
            // Qualifier before
            foreach (var (words, q) in Before)
            {
                var s = first - words.Length;
                if (s < 0) continue;
                var ok = true;
                for (var k = 0; k < words.Length && ok; k++) ok = keys[s + k] == words[k];
                if (!ok) continue;
                qualifier = q; first = s;
                break;
            }
            if (i > 0 && keys[i - 1] is "$" or "€" or "£") first = Math.Min(first, i - 1);
            // Unit: the counted noun after the number (after "di", "of"), or a currency sign before it.
            var u = last + 1;
            if (u < tokens.Count && Linkers.Contains(keys[u])) u++;
            string unit = "";
            var unitEnd = last;
            if (i > 0 && keys[i - 1] is "$" or "€" or "£") unit = keys[i - 1] == "$" ? "USD" : keys[i - 1] == "€" ? "EUR" : "GBP";
            else if (u < tokens.Count && (tokens[u].Kind == TokenKind.Word || keys[u] == "%"))
            {
                var raw = keys[u];
                unit = UnitOf(raw) ?? (tokens[u].Kind == TokenKind.Word && !char.IsUpper(text[tokens[u].Start]) && raw.Length > 2 ? raw : "");
                if (unit.Length > 0) unitEnd = u;
            }
            if (unitEnd + 1 < tokens.Count && After.TryGetValue(keys[unitEnd + 1], out var aq)) { qualifier = aq; unitEnd++; }
            if (unit.Length == 0 && value < 10) continue;
            var end = Math.Max(last, unitEnd);
            result.Add(new QuantityMention(new Span(documentId, tokens[first].Start, tokens[end].End), text[tokens[first].Start..tokens[end].End], new Quantity(value, unit, qualifier)));
            i = end;
        }
        return result;
    }


    public static string? UnitOf(string key)
    {
        foreach (var (prefix, unit) in Units)
            if (key.StartsWith(prefix, StringComparison.Ordinal) && (key.Length - prefix.Length <= 4 || prefix.Length >= 6)) return unit;
        return null;
    }

    /// <summary>
    /// Reads digits with either convention: a separator followed by exactly three digits groups
    /// thousands ("11.000", "13,000", "1.234.567"); otherwise it is the decimal mark ("3,5", "3.5").
    /// </summary>
    public static bool TryParseNumber(ReadOnlySpan<char> s, out decimal value)
    {
        value = 0;
        var digits = new System.Text.StringBuilder(s.Length);
        var groups = s.ToString().Split(['.', ',', '\u00A0', '\u202F']);
        if (groups.Length == 1) return decimal.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        var allThousands = groups.Skip(1).All(g => g.Length == 3);
        if (allThousands) return decimal.TryParse(string.Concat(groups), NumberStyles.None, CultureInfo.InvariantCulture, out value);
        // The last separator is the decimal mark, the others group thousands.
        var lastSep = s.LastIndexOfAny(".,");
        var whole = string.Concat(s[..lastSep].ToString().Split(['.', ',', '\u00A0', '\u202F']));
        return decimal.TryParse(whole + "." + s[(lastSep + 1)..].ToString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    // The lists above are written with their letters; tokens are looked up by their normalised keys.
    static QuantityTagger()
    {
        LexiconKeys.Normalize(Scales);
        LexiconKeys.Normalize(Words);
        LexiconKeys.Normalize(Vague);
        LexiconKeys.Normalize(After);
        LexiconKeys.Normalize(DateWords);
        LexiconKeys.Normalize(Linkers);
        for (var i = 0; i < Units.Length; i++) Units[i] = (LexiconKeys.Of(Units[i].Prefix), Units[i].Unit);
    }
}
