using System.Globalization;
using NodaTime;
using Vigil.Model;
using Vigil.Text;

namespace Vigil.Extraction;

/// <summary>
/// Finds temporal expressions in it, en, fr, es, de, ru and ko text and normalises them to a
/// <see cref="FuzzyDate"/>: absolute dates ("19 giugno 2024", "June 19, 2024", "2024년 6월 19일",
/// "19 июня 2024 года"), months and years ("giugno 2024", "в ноябре", "2024"), weekdays and
/// relative words ("questo mercoledì", "ieri", "last Friday", "l’anno scorso"). A relative or
/// year-less expression is resolved against the anchor (the publication date) only when there
/// is one; without it the date stays null, never guessed.
/// </summary>
public static class TemporalTagger
{
    private static readonly HashSet<string> MonthPrepositions = new(StringComparer.Ordinal)
    {
        "a", "ad", "in", "nel", "nell'", "dal", "dall'", "al", "del", "dell'", "di", "entro", "fino", "da", "tra", "fra", "since", "until", "by", "during", "early", "late", "mid",
        "en", "de", "depuis", "jusqu'en", "des", "desde", "hasta", "im", "seit", "bis", "ab", "в", "с", "до", "к", "по", "начале", "конце", "середине",
    };

    private static readonly HashSet<string> YearCueWords = new(StringComparer.Ordinal)
    {
        "nel", "nell'", "del", "dell'", "dal", "dall'", "al", "entro", "in", "since", "of", "by", "until", "from", "early", "late", "en", "de", "depuis", "desde", "im", "seit", "bis",
        "в", "с", "до", "году", "года", "год", "г", "anno", "year", "l'anno", "annee", "jahr",
    };

    public static IReadOnlyList<DateMention> Tag(string documentId, string text, IReadOnlyList<Token> tokens, LocalDate? anchor, string[]? keys = null)
    {
        keys ??= Tokenizer.Keys(text, tokens);
        var result = new List<DateMention>();
        var i2 = 0;
        while (i2 < tokens.Count)
        {
            if (TryMatch(text, tokens, keys, i2, anchor, out var last, out var date, out var first))
            {
                result.Add(new DateMention(new Span(documentId, tokens[first].Start, tokens[last].End), text[tokens[first].Start..tokens[last].End], date));
                i2 = last + 1;
            }
            else i2++;
        }
        return result;
    }

    private static int? Int(string text, Token t, int maxDigits)
    {
        if (t.Kind != TokenKind.Number || t.Length > maxDigits) return null;
        return int.TryParse(t.SpanOf(text), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    private static bool IsYear(int? y) => y is >= 1000 and <= 2199;

    private static string K(string[] keys, int i) => i >= 0 && i < keys.Length ? keys[i] : "";

    private static bool TryMatch(string text, IReadOnlyList<Token> tokens, string[] keys, int i, LocalDate? anchor, out int last, out FuzzyDate? date, out int first)
    {
        first = i; last = i; date = null;
        var t = tokens[i];
        var n = tokens.Count;

        // ISO 2024-06-19 and numeric 19/06/2024, 19.06.2024
        if (t.Kind == TokenKind.Number)
        {
            var s = t.SpanOf(text);
            if (s.Length == 10 && s[2] == '.' && s[5] == '.' && TryDay(Parse(s[6..]), Parse(s[3..5]), Parse(s[..2]), out var d1)) { date = d1; return true; }
            var y = Int(text, t, 4);
            if (IsYear(y) && t.Length == 4 && i + 4 < n && K(keys, i + 1) == "-" && K(keys, i + 3) == "-"
                && TryDay(y, Int(text, tokens[i + 2], 2), Int(text, tokens[i + 4], 2), out var d2)) { last = i + 4; date = d2; return true; }
            var a = Int(text, t, 2);
            if (a is not null && i + 4 < n && K(keys, i + 1) == "/" && K(keys, i + 3) == "/" && IsYear(Int(text, tokens[i + 4], 4)))
            {
                var b = Int(text, tokens[i + 2], 2);
                // Day first everywhere but in US English; a day above 12 settles it.
                var dayFirst = a > 12 || b <= 12;
                if (TryDay(Int(text, tokens[i + 4], 4), dayFirst ? b : a, dayFirst ? a : b, out var d3)) { last = i + 4; date = d3; return true; }
            }
            // Korean: 2024년 6월 19일, 6월 19일, 19일
            if (i + 1 < n && tokens[i + 1].Start == t.End && keys[i + 1] is "년" or "월" or "일")
                return KoreanDate(text, tokens, keys, i, anchor, out last, out date);
            // Day Month [Year]
            var day = Int(text, t, 2);
            if (day is >= 1 and <= 31)
            {
                var j = i + 1;
                if (j < n && keys[j] is "º" or "°" or "er" or "th" or "st" or "nd" or "rd" or ".") j++;
                if (j < n && keys[j] is "de" or "of") j++;
                if (j < n && TemporalLexicon.Months.TryGetValue(keys[j], out var month))
                {
                    last = j;
                    var k = j + 1;
                    if (k < n && keys[k] is "de" or "del" or "," or "of") k++;
                    if (k < n && IsYear(Int(text, tokens[k], 4)) && tokens[k].Length == 4)
                    {
                        last = k;
                        if (k + 1 < n && keys[k + 1] is "года" or "г" or "году") last = k + 1;
                        if (TryDay(Int(text, tokens[k], 4), month, day, out var d4)) date = d4;
                        return true;
                    }
                    date = anchor is { } an && TryDay(InferYear(an, month, FutureNearby(keys, i)), month, day, out var d5) ? d5 with { IsRelative = true } : null;
                    return true;
                }
            }
            // A year alone: "nel 2000", "since 2022", "в 2024 году"
            if (IsYear(y) && t.Length == 4 && y is >= 1900 and <= 2100)
            {
                var prev = K(keys, i - 1);
                var next = K(keys, i + 1);
                var cue = YearCueWords.Contains(prev) || next is "году" or "года" or "г" or "год";
                var nextIsWord = i + 1 < n && tokens[i + 1].Kind == TokenKind.Word && char.IsLower(text[tokens[i + 1].Start]);
                if (cue || !nextIsWord)
                {
                    if (next is "году" or "года" or "г" or "год") last = i + 1;
                    date = FuzzyDate.Year(y!.Value);
                    return true;
                }
            }
            return false;
        }
        if (t.Kind != TokenKind.Word) return false;
        var key = keys[i];

        // Month [Day][,] [Year] / Month [de] Year / bare month
        if (TemporalLexicon.Months.TryGetValue(key, out var m))
        {
            var j = i + 1;
            var abbreviated = key.Length <= 4 && j < n && keys[j] == "." && tokens[j].Start == t.End;
            if (abbreviated) j++;
            var dayAfter = j < n ? Int(text, tokens[j], 2) : null;
            // "June 6:30" is a clock time; "April 6:" before a quotation is still the date.
            if (dayAfter is >= 1 and <= 31 && !(j + 2 < n && keys[j + 1] is ":" && tokens[j + 2].Kind == TokenKind.Number && tokens[j + 2].Start == tokens[j + 1].End))
            {
                var k = j + 1;
                if (k < n && keys[k] is ",") k++;
                if (k < n && IsYear(Int(text, tokens[k], 4)) && tokens[k].Length == 4 && TryDay(Int(text, tokens[k], 4), m, dayAfter, out var d6))
                { last = k; date = d6; return true; }
                // "May 6" as well as "June 6", "Dec. 6"; other three-letter months only abbreviated ("Mar. 6")
                if (IsCapitalised(text, t) && (key.Length > 3 || abbreviated || key == "may"))
                {
                    last = j;
                    date = anchor is { } an && TryDay(InferYear(an, m, FutureNearby(keys, i)), m, dayAfter, out var d7) ? d7 with { IsRelative = true } : null;
                    return true;
                }
            }
            var y = j;
            if (y < n && keys[y] is "de" or "del" or "of" or ",") y++;
            if (y < n && IsYear(Int(text, tokens[y], 4)) && tokens[y].Length == 4)
            {
                last = y;
                if (y + 1 < n && keys[y + 1] is "года" or "г" or "году") last = y + 1;
                date = FuzzyDate.Month(Int(text, tokens[y], 4)!.Value, m);
                return true;
            }
            var prev = K(keys, i - 1);
            var englishOrGerman = key is "may" or "mai" or "march" or "mar";
            if ((MonthPrepositions.Contains(prev) && !(englishOrGerman && !IsCapitalised(text, t))) || (IsCapitalised(text, t) && !englishOrGerman && key.Length > 3 && tokens[i].Start > 0))
            {
                date = anchor is { } an ? FuzzyDate.Month(InferYear(an, m, FutureNearby(keys, i)), m) with { IsRelative = true } : null;
                return true;
            }
            return false;
        }

        // Weekday, optionally with a modifier before or after it ("questo mercoledì", "mercoledì scorso", "last Friday", "в среду")
        if (TemporalLexicon.Weekdays.TryGetValue(key, out var wd))
        {
            int? mod = null;
            if (TemporalLexicon.Modifiers.TryGetValue(K(keys, i - 1), out var before)) { mod = before; first = i - 1; }
            else if (TemporalLexicon.Modifiers.TryGetValue(K(keys, i + 1), out var after) && after != 0) { mod = after; last = i + 1; }
            // "martedì 18 giugno": the explicit date that follows wins; here the weekday only leads it.
            if (i + 2 < n && Int(text, tokens[i + 1], 2) is >= 1 and <= 31 && TemporalLexicon.Months.ContainsKey(keys[i + 2]))
            {
                if (TryMatch(text, tokens, keys, i + 1, anchor, out last, out date, out _)) { first = i; return true; }
            }
            // "Saturday, April 25", "Friday Oct. 13": likewise with the month first.
            var monthAt = K(keys, i + 1) == "," ? i + 2 : i + 1;
            if (monthAt < n && TemporalLexicon.Months.ContainsKey(keys[monthAt]) && IsCapitalised(text, tokens[monthAt])
                && TryMatch(text, tokens, keys, monthAt, anchor, out var dateLast, out var dated, out _) && dateLast > monthAt)
            {
                last = dateLast; date = dated; first = i;
                return true;
            }
            mod ??= FutureNearby(keys, i) ? 2 : null;
            date = anchor is { } an ? FuzzyDate.Day(ResolveWeekday(an, wd, mod), relative: true) : null;
            return true;
        }

        if (TemporalLexicon.DayWords.TryGetValue(key, out var offset))
        {
            // "morgen" is also "morning" in German phrases such as "heute Morgen"; "manana" is ambiguous in Spanish, keep both as days.
            date = anchor is { } an ? FuzzyDate.Day(an.PlusDays(offset), relative: true) : null;
            return true;
        }

        if (TemporalLexicon.YearWords.TryGetValue(key, out var yoff))
        {
            date = anchor is { } an ? FuzzyDate.Year(an.Year + yoff) with { IsRelative = true } : null;
            return true;
        }

        if (TemporalLexicon.MonthWords.TryGetValue(key, out var moff))
        {
            date = RelativeUnit(anchor, 'M', moff);
            return true;
        }

        // "a year ago", "two days earlier", "un anno fa", "год назад", "2년 전"
        if (TryAgo(text, tokens, keys, i, anchor, out last, out date)) return true;
        last = i;

        // "l’anno scorso", "last year", "в прошлом году", "this month", "l'année dernière"
        if (TemporalLexicon.Modifiers.TryGetValue(key, out var md) && i + 1 < n && TemporalLexicon.Units.TryGetValue(UnitKey(keys[i + 1]), out var unit))
        {
            last = i + 1;
            date = RelativeUnit(anchor, unit, md);
            return true;
        }
        if (TemporalLexicon.Units.TryGetValue(UnitKey(key), out var unit2) && i + 1 < n && TemporalLexicon.Modifiers.TryGetValue(keys[i + 1], out var md2) && md2 != 0)
        {
            last = i + 1;
            date = RelativeUnit(anchor, unit2, md2);
            return true;
        }
        return false;
    }

    private static readonly Dictionary<string, int> SmallNumbers = new(StringComparer.Ordinal)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10,
        ["un"] = 1, ["uno"] = 1, ["una"] = 1, ["due"] = 2, ["tre"] = 3, ["quattro"] = 4, ["cinque"] = 5, ["sei"] = 6, ["dieci"] = 10,
        ["deux"] = 2, ["trois"] = 3, ["dos"] = 2, ["tres"] = 3, ["ein"] = 1, ["einem"] = 1, ["zwei"] = 2, ["drei"] = 3, ["два"] = 2, ["три"] = 3, ["пять"] = 5,
    };

    private static readonly Dictionary<string, char> AgoUnits = new(StringComparer.Ordinal)
    {
        ["year"] = 'Y', ["years"] = 'Y', ["anno"] = 'Y', ["anni"] = 'Y', ["an"] = 'Y', ["ans"] = 'Y', ["ano"] = 'Y', ["anos"] = 'Y', ["jahr"] = 'Y', ["jahren"] = 'Y', ["год"] = 'Y', ["года"] = 'Y', ["лет"] = 'Y', ["년"] = 'Y',
        ["month"] = 'M', ["months"] = 'M', ["mese"] = 'M', ["mesi"] = 'M', ["mois"] = 'M', ["mes"] = 'M', ["meses"] = 'M', ["monat"] = 'M', ["monaten"] = 'M', ["месяц"] = 'M', ["месяца"] = 'M', ["месяцев"] = 'M', ["개월"] = 'M', ["달"] = 'M',
        ["day"] = 'D', ["days"] = 'D', ["giorno"] = 'D', ["giorni"] = 'D', ["jour"] = 'D', ["jours"] = 'D', ["dia"] = 'D', ["dias"] = 'D', ["tag"] = 'D', ["tagen"] = 'D', ["день"] = 'D', ["дня"] = 'D', ["дней"] = 'D', ["일"] = 'D',
    };

    private static readonly HashSet<string> AgoWords = new(StringComparer.Ordinal) { "ago", "earlier", "before", "fa", "prima", "назад", "전", "auparavant" };

    private static bool TryAgo(string text, IReadOnlyList<Token> tokens, string[] keys, int i, LocalDate? anchor, out int last, out FuzzyDate? date)
    {
        last = i; date = null;
        var n = tokens.Count;
        int? count = tokens[i].Kind == TokenKind.Number ? Int(text, tokens[i], 3) : SmallNumbers.TryGetValue(keys[i], out var c) ? c : null;
        if (count is null || i + 2 >= n || !AgoUnits.TryGetValue(keys[i + 1], out var unit)) return false;
        // "il y a deux ans", "vor zwei Jahren" put the cue first; "two years ago", "un anno fa", "2년 전" after.
        var cueAfter = AgoWords.Contains(keys[i + 2]);
        var cueBefore = i >= 1 && (keys[i - 1] is "vor" || (i >= 3 && keys[i - 3] == "il" && keys[i - 2] == "y" && keys[i - 1] == "a"));
        if (!cueAfter && !cueBefore) return false;
        last = cueAfter ? i + 2 : i + 1;
        if (anchor is not { } an) return true;
        date = unit switch
        {
            'Y' => FuzzyDate.Year(an.Year - count.Value) with { IsRelative = true },
            'M' => FuzzyDate.Month(an.PlusMonths(-count.Value).Year, an.PlusMonths(-count.Value).Month) with { IsRelative = true },
            _ => FuzzyDate.Day(an.PlusDays(-count.Value), relative: true),
        };
        return true;
    }

    private static readonly HashSet<string> FutureMarkers = new(StringComparer.Ordinal)
    {
        "will", "'ll", "shall", "planning", "plans", "wird", "werden", "будет", "будут", "состоится", "예정", "예정이다", "planned", "scheduled", "expected", "dovrebbe", "prevede", "previsto", "prevista",
    };

    /// <summary>A future-tense verb near the expression: "will", "avrà", "sarà", "aura", "tendrá", "будет".</summary>
    internal static bool FutureNearby(string[] keys, int i)
    {
        // An earliest date ahead: "as soon as Monday", "as early as Friday"
        if (K(keys, i - 3) == "as" && K(keys, i - 2) is "soon" or "early" && K(keys, i - 1) == "as") return true;
        for (var k = Math.Max(0, i - 6); k < Math.Min(keys.Length, i + 7); k++)
        {
            var w = keys[k];
            if (FutureMarkers.Contains(w)) return true;
            // Italian, French and Spanish third-person futures: "incontreranno", "rencontreront"; common short ones listed.
            if (w.Length >= 7 && (w.EndsWith("ranno", StringComparison.Ordinal) || w.EndsWith("ront", StringComparison.Ordinal))) return true;
            if (w is "avra" or "sara" or "fara" or "andra" or "potra" or "dovra" or "terra" or "verra" or "aura" or "sera" or "fera" or "ira" or "tendra" or "habra" or "estara" or "hara" or "visitera" or "incontrera") return true;
        }
        return false;
    }

    private static string UnitKey(string key)
    {
        var a = key.IndexOf('\'');
        return a >= 0 && a < key.Length - 1 ? key[(a + 1)..] : key;
    }

    private static FuzzyDate? RelativeUnit(LocalDate? anchor, char unit, int offset)
    {
        if (anchor is not { } an) return null;
        return unit switch
        {
            'Y' => FuzzyDate.Year(an.Year + offset) with { IsRelative = true },
            'M' => FuzzyDate.Month(an.PlusMonths(offset).Year, an.PlusMonths(offset).Month) with { IsRelative = true },
            _ => null, // weeks have no precision in FuzzyDate: found, left unresolved
        };
    }

    private static bool KoreanDate(string text, IReadOnlyList<Token> tokens, string[] keys, int i, LocalDate? anchor, out int last, out FuzzyDate? date)
    {
        int? y = null, m = null, d = null;
        last = i;
        var j = i;
        var n = tokens.Count;
        while (j + 1 < n && tokens[j].Kind == TokenKind.Number && tokens[j + 1].Start == tokens[j].End)
        {
            var v = Int(text, tokens[j], 4);
            var unit = keys[j + 1];
            if (unit == "년" && y is null && m is null && d is null) y = v;
            else if (unit == "월" && m is null && d is null) m = v;
            else if (unit == "일" && d is null) d = v;
            else break;
            last = j + 1;
            j += 2;
        }
        date = null;
        if (y is not null && m is null) { if (IsYear(y)) date = FuzzyDate.Year(y.Value); return true; }
        if (y is not null && m is >= 1 and <= 12 && d is null) { date = FuzzyDate.Month(y.Value, m.Value); return true; }
        if (y is not null && TryDay(y, m, d, out var full)) { date = full; return true; }
        if (anchor is not { } an) return m is not null || d is not null;
        if (m is >= 1 and <= 12 && d is null) { date = FuzzyDate.Month(InferYear(an, m.Value), m.Value) with { IsRelative = true }; return true; }
        if (m is not null && TryDay(InferYear(an, m.Value), m, d, out var md)) { date = md with { IsRelative = true }; return true; }
        // "27일" alone: that day of the anchor's month.
        if (m is null && d is >= 1 and <= 31 && TryDay(an.Year, an.Month, d, out var dd)) { date = dd with { IsRelative = true }; return true; }
        return d is not null;
    }

    private static int? Parse(ReadOnlySpan<char> s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static bool TryDay(int? y, int? m, int? d, out FuzzyDate date)
    {
        date = default;
        if (y is null || m is not (>= 1 and <= 12) || d is not >= 1) return false;
        if (d > CalendarSystem.Iso.GetDaysInMonth(y.Value, m.Value)) return false;
        date = FuzzyDate.Day(new LocalDate(y.Value, m.Value, d.Value));
        return true;
    }

    /// <summary>The year of a year-less month: "a marzo" in a June article is this March, in a February article last March.</summary>
    public static int InferYear(LocalDate anchor, int month, bool future = false)
    {
        // News looks back: a later month than the anchor's is last year's, unless the verb is in the future tense.
        if (future) return month < anchor.Month ? anchor.Year + 1 : anchor.Year;
        return month > anchor.Month ? anchor.Year - 1 : anchor.Year;
    }

    /// <summary>
    /// The date a weekday names relative to the anchor: "last" is the latest one before it, "next"
    /// the first one after it, "this" the one in the anchor's week; a bare weekday is the latest one
    /// on or before the anchor (news reports look back), or with modifier 2 (a verb in the future
    /// tense nearby) the first one on or after it.
    /// </summary>
    public static LocalDate ResolveWeekday(LocalDate anchor, int isoWeekday, int? modifier)
    {
        var current = (int)anchor.DayOfWeek;
        var delta = isoWeekday - current;
        return modifier switch
        {
            -1 => anchor.PlusDays(delta < 0 ? delta : delta - 7),
            1 => anchor.PlusDays(delta > 0 ? delta : delta + 7),
            0 => anchor.PlusDays(delta),
            2 => anchor.PlusDays(delta >= 0 ? delta : delta + 7),
            _ => anchor.PlusDays(delta <= 0 ? delta : delta - 7),
        };
    }

    private static bool IsCapitalised(string text, Token t) => char.IsUpper(text[t.Start]);

    // The lists above are written with their letters; tokens are looked up by their normalised keys.
    static TemporalTagger()
    {
        LexiconKeys.Normalize(MonthPrepositions);
        LexiconKeys.Normalize(YearCueWords);
        LexiconKeys.Normalize(SmallNumbers);
        LexiconKeys.Normalize(AgoUnits);
        LexiconKeys.Normalize(AgoWords);
        LexiconKeys.Normalize(FutureMarkers);
    }
}
