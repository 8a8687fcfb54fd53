using System.Globalization;
using NodaTime;
using NodaTime.Calendars;
using NodaTime.Text;
using Vigil.Text;

namespace Vigil.Extraction;

/// <summary>
/// English temporal expressions with TimeML (TIMEX3) values, the form TempEval-3 scores: the dates
/// <see cref="TemporalTagger"/> finds, plus what a <see cref="Model.FuzzyDate"/> cannot hold:
/// durations ("three years" P3Y, "the first nine months" P9M, "two-week" P2W), references to the
/// present, past and future ("now" PRESENT_REF, "recently" PAST_REF, "soon" FUTURE_REF), quarters
/// ("the third quarter" 1989-Q3), ISO weeks ("last week" 1989-W43), seasons ("last fall" 1998-FA),
/// parts of a day ("Wednesday night" 2000-04-05TNI), clock times ("10 p.m. Wednesday"
/// 1998-02-11T22:00) and sets ("daily" P1D). Values that need the anchor (the creation or
/// publication date) are null when there is none.
/// </summary>
public static class TimexNormalizer
{
    public sealed record Timex(int Start, int End, string Type, string? Value);

    /// <summary>How far ahead of the anchor a year-less month may fall before it is taken as last year's.</summary>
    public static int FutureWindowDays { get; set; } = 90;

    private static readonly Dictionary<string, int> Numbers = new(StringComparer.Ordinal)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17,
        ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90, ["hundred"] = 100,
    };

    /// <summary>Counts TimeML leaves unspecified ("several years" PXY).</summary>
    private static readonly HashSet<string> VagueCounts = new(StringComparer.Ordinal) { "several", "few", "many", "some" };

    private static readonly Dictionary<string, string> DurationUnits = new(StringComparer.Ordinal)
    {
        ["year"] = "Y", ["years"] = "Y", ["month"] = "M", ["months"] = "M", ["week"] = "W", ["weeks"] = "W", ["day"] = "D", ["days"] = "D",
        ["decade"] = "DE", ["decades"] = "DE", ["century"] = "CE", ["centuries"] = "CE", ["quarter"] = "Q", ["quarters"] = "Q",
        ["hour"] = "TH", ["hours"] = "TH", ["minute"] = "TM", ["minutes"] = "TM", ["second"] = "TS", ["seconds"] = "TS",
    };

    private static readonly HashSet<string> DurationLeads = new(StringComparer.Ordinal) { "first", "past", "last", "next", "previous", "coming", "latest", "final", "initial", "recent" };

    /// <summary>
    /// Words after a count and unit that make it a point in time ("two years ago"), left to the date tagger.
    /// "Three days later", "a month after the vote" stay durations: TimeML marks the span and leaves the
    /// "later"/"after" to a signal.
    /// </summary>
    private static readonly HashSet<string> PointCues = new(StringComparer.Ordinal) { "ago", "earlier", "old" };

    private static readonly Dictionary<string, string> References = new(StringComparer.Ordinal)
    {
        ["now"] = "PRESENT_REF", ["currently"] = "PRESENT_REF", ["current"] = "PRESENT_REF", ["presently"] = "PRESENT_REF", ["nowadays"] = "PRESENT_REF",
        ["recently"] = "PAST_REF", ["recent"] = "PAST_REF", ["lately"] = "PAST_REF", ["future"] = "FUTURE_REF",
    };

    private static readonly Dictionary<string, int> Ordinals = new(StringComparer.Ordinal)
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["1st"] = 1, ["2nd"] = 2, ["3rd"] = 3, ["4th"] = 4,
    };

    private static readonly Dictionary<string, string> Sets = new(StringComparer.Ordinal)
    {
        ["daily"] = "P1D", ["weekly"] = "P1W", ["monthly"] = "P1M", ["yearly"] = "P1Y", ["hourly"] = "PT1H", ["nightly"] = "P1D",
    };

    private static readonly Dictionary<string, string> Seasons = new(StringComparer.Ordinal)
    {
        ["spring"] = "SP", ["summer"] = "SU", ["fall"] = "FA", ["autumn"] = "FA", ["winter"] = "WI",
    };

    /// <summary>What may stand between a clock time and its day: time zones, a comma, "on".</summary>
    private static readonly HashSet<string> ClockSuffixes = new(StringComparer.Ordinal) { "est", "edt", "cst", "cdt", "pst", "pdt", "gmt", "et", "utc", ",", "on" };

    private static readonly Dictionary<string, string> DayParts = new(StringComparer.Ordinal)
    {
        ["morning"] = "TMO", ["afternoon"] = "TAF", ["evening"] = "TEV", ["night"] = "TNI",
    };

    public static IReadOnlyList<Timex> Tag(string text, IReadOnlyList<Token> tokens, LocalDate? anchor)
    {
        var keys = Tokenizer.Keys(text, tokens);
        // In a report of quarterly results "a year ago" is the same quarter a year before.
        var quarterly = keys.Count(k => k == "quarter") >= 2;
        var own = new List<(int First, int Last, string Type, string? Value)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (TryMatch(text, tokens, keys, i, anchor, quarterly, out var last, out var type, out var value))
            {
                own.Add((i, last, type, value));
                i = last;
            }
        }
        var result = own.Select(o => new Timex(tokens[o.First].Start, tokens[o.Last].End, o.Type, o.Value)).ToList();
        foreach (var d in TemporalTagger.Tag("", text, tokens, anchor, keys))
        {
            if (result.Any(r => r.Start < d.Span.End && d.Span.Start < r.End)) continue;
            var first = IndexOf(tokens, d.Span.Start);
            var last = IndexOf(tokens, d.Span.End - 1);
            var value = d.Date?.ToString();
            var type = "DATE";
            // "a year ago" in a report of quarterly results is the same quarter a year before.
            if (d.Date is { Precision: Model.DatePrecision.Year } yd && anchor is { } an && keys[last] is "ago" or "earlier" && quarterly)
                value = $"{yd.Value.Year:D4}-Q{PreviousQuarter(an).Quarter}";
            // A month named without its year is the nearest such month to the anchor, before or after it.
            if (d.Date is { IsRelative: true, Precision: Model.DatePrecision.Month or Model.DatePrecision.Day } rd && anchor is { } ra
                && Enumerable.Range(first, last - first + 1).Any(k => TemporalLexicon.Months.ContainsKey(keys[k])))
            {
                var best = rd.Value;
                // The tagger looks back (news reports what happened) unless a future verb is near; a date shortly ahead is still the coming one.
                var ahead = rd.Value.PlusYears(1);
                if (rd.Value < ra && Period.Between(ra, ahead, PeriodUnits.Days).Days <= FutureWindowDays) best = ahead;
                value = (rd with { Value = best }).ToString();
            }
            // A year-less month placed by what follows it: "June last year", "February this year", "January nineteen ninety-seven"
            if (d.Date is { IsRelative: true, Precision: Model.DatePrecision.Month } md && anchor is { } ya && TemporalLexicon.Months.ContainsKey(keys[last]))
            {
                if (TemporalLexicon.Modifiers.TryGetValue(K(keys, last + 1), out var yearMod) && keys[last + 1] is "last" or "this" or "next" && K(keys, last + 2) == "year")
                {
                    last += 2;
                    value = $"{ya.Year + yearMod:D4}-{md.Value.Month:D2}";
                }
                else if (last + 1 < tokens.Count && result.FindIndex(r => r.Start == tokens[last + 1].Start && r.Value is { Length: 4 } && r.Value.All(char.IsAsciiDigit)) is var yi and >= 0)
                {
                    value = $"{result[yi].Value}-{md.Value.Month:D2}";
                    last = IndexOf(tokens, result[yi].End - 1);
                    result.RemoveAt(yi);
                }
            }
            // "Wednesday night", "yesterday afternoon"
            if (d.Date is { Precision: Model.DatePrecision.Day } && last + 1 < keys.Length && DayParts.TryGetValue(keys[last + 1], out var part))
            {
                value += part; type = "TIME"; last++;
            }
            // "5 p.m. EST, Nov. 6": a clock time names its day after it.
            if (d.Date is { Precision: Model.DatePrecision.Day } && value is { Length: 10 } dayOf && result.FindIndex(r => r.Type == "TIME" && r.Value is { } tv && tv.Contains('T', StringComparison.Ordinal)
                    && r.End <= tokens[first].Start && Enumerable.Range(IndexOf(tokens, r.End - 1) + 1, Math.Max(0, first - IndexOf(tokens, r.End - 1) - 1)).All(k => ClockSuffixes.Contains(keys[k]))) is var ti and >= 0)
            {
                var clock = result[ti];
                var hour = clock.Value!;
                result.RemoveAt(ti);
                result.Add(new Timex(clock.Start, tokens[last].End, "TIME", $"{dayOf}{hour[hour.IndexOf('T', StringComparison.Ordinal)..]}"));
                continue;
            }
            result.Add(new Timex(tokens[first].Start, tokens[last].End, type, value));
        }
        // A year standing alone ("in 1994", "fiscal 1989", "1990 and beyond"), not a count of things, where nothing else matched
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind != TokenKind.Number || keys[i].Length != 4 || !int.TryParse(keys[i], NumberStyles.None, CultureInfo.InvariantCulture, out var bare) || bare is < 1800 or > 2100) continue;
            // "mid-1996", "post-1959" are the year; other joined numbers ("1994-95", "747-400") are not.
            var prefixed = K(keys, i - 1) == "-" && K(keys, i - 2) is "mid" or "early" or "late" or "post" or "pre";
            if ((i > 0 && !prefixed && keys[i - 1] is "$" or "#" or "no" or "number" or "-" or "/" or ":" or ".") || K(keys, i + 1) is "%" or "percent" or "-") continue;
            var t = tokens[i];
            if (result.Any(r => r.Start < t.End && t.Start < r.End)) continue;
            result.Add(new Timex(t.Start, t.End, "DATE", keys[i]));
        }
        result.Sort((a, b) => a.Start.CompareTo(b.Start));
        AddAnaphoricDates(tokens, keys, result);
        return result;
    }

    /// <summary>
    /// "that year", "the same day", "the following month", "later that year": a date named by the
    /// last date before it in the text (TimeML resolves these against the reference time, not the
    /// creation time). Left out when no earlier date of that precision exists.
    /// </summary>
    private static void AddAnaphoricDates(IReadOnlyList<Token> tokens, string[] keys, List<Timex> result)
    {
        var added = false;
        for (var i = 0; i + 1 < keys.Length; i++)
        {
            int offset, unitAt;
            if (keys[i] == "that") { offset = 0; unitAt = i + 1; }
            else if (keys[i] == "the" && K(keys, i + 1) is "same" or "following") { offset = keys[i + 1] == "same" ? 0 : 1; unitAt = i + 2; }
            else continue;
            var unit = K(keys, unitAt);
            if (unit is not ("year" or "month" or "day") || K(keys, unitAt + 1) == "-") continue;
            var start = tokens[i].Start;
            var end = tokens[unitAt].End;
            if (result.Any(r => r.Start < end && start < r.End)) continue;
            var length = unit switch { "year" => 4, "month" => 7, _ => 10 };
            string? reference = null;
            foreach (var r in result)
            {
                if (r.End > start) break;
                if (r.Value is { } v && v.Length >= length && LocalDatePattern.Iso.Parse(v[..length] + (length == 4 ? "-01-01" : length == 7 ? "-01" : "")).Success
                    && (v.Length == length || v[length] is '-' or 'T')) reference = v[..length];
            }
            if (reference is null) continue;
            var date = LocalDatePattern.Iso.Parse(reference + (length == 4 ? "-01-01" : length == 7 ? "-01" : "")).Value;
            var value = unit switch
            {
                "year" => date.PlusYears(offset).Year.ToString("D4", CultureInfo.InvariantCulture),
                "month" => $"{date.PlusMonths(offset).Year:D4}-{date.PlusMonths(offset).Month:D2}",
                _ => LocalDatePattern.Iso.Format(date.PlusDays(offset)),
            };
            result.Add(new Timex(start, end, "DATE", value));
            added = true;
            i = unitAt;
        }
        if (added) result.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    private static int IndexOf(IReadOnlyList<Token> tokens, int offset)
    {
        for (var i = 0; i < tokens.Count; i++) if (tokens[i].Start <= offset && offset < tokens[i].End) return i;
        return tokens.Count - 1;
    }

    private static string K(string[] keys, int i) => i >= 0 && i < keys.Length ? keys[i] : "";

    private static bool SentenceMentions(string[] keys, int i, string word)
    {
        for (var k = i - 1; k >= 0 && keys[k] != "."; k--) if (keys[k].StartsWith(word, StringComparison.Ordinal)) return true;
        for (var k = i + 1; k < keys.Length && keys[k] != "."; k++) if (keys[k].StartsWith(word, StringComparison.Ordinal)) return true;
        return false;
    }

    private static (int Year, int Quarter) QuarterOf(LocalDate d) => (d.Year, (d.Month - 1) / 3 + 1);

    /// <summary>The last quarter completed before the anchor: what "the quarter" means in a results report.</summary>
    private static (int Year, int Quarter) PreviousQuarter(LocalDate d)
    {
        var (y, q) = QuarterOf(d);
        return q == 1 ? (y - 1, 4) : (y, q - 1);
    }

    private static string Week(LocalDate d) =>
        $"{WeekYearRules.Iso.GetWeekYear(d):D4}-W{WeekYearRules.Iso.GetWeekOfWeekYear(d):D2}";

    private static bool TryMatch(string text, IReadOnlyList<Token> tokens, string[] keys, int i, LocalDate? anchor, bool quarterly, out int last, out string type, out string? value)
    {
        last = i; type = "DATE"; value = null;
        var key = keys[i];
        var n = keys.Length;

        // A quarter or half of a named year: "the 1988 third quarter", "this year's first quarter", "the year-ago quarter", "the first half of 1990"
        if (TryPeriodOfYear(tokens, keys, i, anchor, quarterly, out last, out value)) return true;

        // Decades and centuries: "the 1990s", "the mid-'80s", "the nineties", "the 20th century"
        if (TryDecadeOrCentury(tokens, keys, i, out last, out value)) return true;

        // Quarters: "the third quarter", "third-quarter", "the fiscal first quarter", "the latest quarter", "the year-earlier quarter"
        var q = i;
        if (K(keys, q) == "the") q++;
        if (K(keys, q) == "fiscal") q++;
        if (Ordinals.TryGetValue(K(keys, q), out var ordinal))
        {
            var u = q + 1;
            if (K(keys, u) == "-") u++;
            if (K(keys, u) == "quarter")
            {
                last = u;
                int? year = anchor?.Year;
                if (u + 2 < n && keys[u + 1] is "of" or "," && tokens[u + 2].Kind == TokenKind.Number && tokens[u + 2].Length == 4) { last = u + 2; year = int.Parse(keys[u + 2], CultureInfo.InvariantCulture); }
                else if (u + 1 < n && tokens[u + 1].Kind == TokenKind.Number && tokens[u + 1].Length == 4) { last = u + 1; year = int.Parse(keys[u + 1], CultureInfo.InvariantCulture); }
                value = year is { } y ? $"{y:D4}-Q{ordinal}" : null;
                return true;
            }
        }
        if (key == "the" && anchor is { } qa)
        {
            var j = i + 1;
            string? which = null;
            if (K(keys, j) is "latest" or "recent" or "past" or "last") { which = "previous"; j++; }
            else if (K(keys, j) is "current") { which = "current"; j++; }
            else if (K(keys, j) == "year" && K(keys, j + 1) == "-" && K(keys, j + 2) is "earlier" or "ago") { which = "year-earlier"; j += 3; }
            if (K(keys, j) is "quarter" or "period" && (which is not null || K(keys, j) == "quarter") && K(keys, j + 1) != "-")
            {
                last = j;
                var (y, qq) = which == "current" ? QuarterOf(qa) : PreviousQuarter(qa);
                if (which == "year-earlier") y--;
                // "the quarter ended July 31": the three months up to then, named by the calendar quarter of their middle month
                else if (K(keys, j + 1) is "ended" or "ending" && TemporalLexicon.Months.TryGetValue(K(keys, j + 2), out var endMonth))
                {
                    var middle = new LocalDate(endMonth <= qa.Month ? qa.Year : qa.Year - 1, endMonth, 1).PlusMonths(-1);
                    (y, qq) = QuarterOf(middle);
                }
                value = $"{y:D4}-Q{qq}";
                return true;
            }
        }
        // "year-earlier" / "year-ago" as an adjective: the same period a year before.
        if (key == "year" && K(keys, i + 1) == "-" && K(keys, i + 2) is "earlier" or "ago" && anchor is { } ya)
        {
            last = i + 2;
            var (y, qq) = PreviousQuarter(ya);
            value = SentenceMentions(keys, i, "quarter") ? $"{y - 1:D4}-Q{qq}" : (ya.Year - 1).ToString("D4", CultureInfo.InvariantCulture);
            return true;
        }

        // Present, past and future references: "now", "recently", "the future", "at present", "in the past"
        if (References.TryGetValue(key, out var reference) && !(key is "future" && K(keys, i + 1) is "s" or "contract" or "contracts"))
        {
            // "current" and "recent" before a unit are durations or dates ("recent years", "the current quarter"), not references.
            if (key is "recent" or "current" && DurationUnits.ContainsKey(K(keys, i + 1)))
            {
                // TimeML marks "recent years", "recent weeks" as a past reference, not a vague duration.
                if (key == "recent" && K(keys, i + 1) is "years" or "months" or "weeks" or "days" or "decades") { last = i + 1; value = "PAST_REF"; return true; }
                return false;
            }
            if (key == "future" && K(keys, i - 1) != "the" && K(keys, i - 1) != "near") return false;
            // "recent" alone is as often no time expression at all ("recent sales") as a past reference.
            if (key == "recent") return false;
            type = "DATE"; value = reference;
            return true;
        }
        if (key == "the" && K(keys, i + 1) == "past" && !DurationUnits.ContainsKey(K(keys, i + 2)) && !Numbers.ContainsKey(K(keys, i + 2)) && tokens.Count > i + 2 && tokens[i + 2].Kind != TokenKind.Number
            && !VagueCounts.Contains(K(keys, i + 2)))
        {
            last = i + 1; value = "PAST_REF";
            return true;
        }
        if (key == "the" && K(keys, i + 1) == "future") { last = i + 1; value = "FUTURE_REF"; return true; }
        // "the near term", "the short term"; "soon" unless it is "as soon as" or "soon after" (those tie to another event)
        if (key == "the" && K(keys, i + 1) is "near" or "short" && K(keys, i + 2) == "term") { last = i + 2; value = "FUTURE_REF"; return true; }
        if (key == "soon" && K(keys, i - 1) != "as" && K(keys, i + 1) is not ("after" or "as" or "thereafter")) { value = "FUTURE_REF"; return true; }
        if (key == "at" && K(keys, i + 1) == "present") { last = i + 1; value = "PRESENT_REF"; return true; }

        // Sets: "daily", "every day", "each Thursday"
        if (Sets.TryGetValue(key, out var set)) { type = "SET"; value = set; return true; }
        if (key is "every" or "each" or "per")
        {
            if (DurationUnits.TryGetValue(K(keys, i + 1), out var su) && su.Length == 1) { last = i + 1; type = "SET"; value = "P1" + su; return true; }
            if (TemporalLexicon.Weekdays.TryGetValue(K(keys, i + 1), out var swd)) { last = i + 1; type = "SET"; value = $"XXXX-WXX-{swd}"; return true; }
            if (key is "every" or "each" && TemporalLexicon.Months.TryGetValue(K(keys, i + 1), out var smonth) && char.IsUpper(text[tokens[i + 1].Start]))
            { last = i + 1; type = "SET"; value = $"XXXX-{smonth:D2}"; return true; }
        }

        // Weeks: "this week", "last week", "next week"
        if (TemporalLexicon.Modifiers.TryGetValue(key, out var mod) && K(keys, i + 1) == "week" && K(keys, i + 2) is not ("-" or "'s" or "s"))
        {
            last = i + 1;
            value = anchor is { } wa ? Week(wa.PlusWeeks(mod)) : null;
            return true;
        }

        // Seasons: "last fall", "this summer", "in the winter"
        var seasonAt = TemporalLexicon.Modifiers.ContainsKey(key) && Seasons.ContainsKey(K(keys, i + 1)) ? i + 1
            : Seasons.ContainsKey(key) && K(keys, i - 1) is "in" or "during" or "the" or "early" or "late" ? i : -1;
        if (seasonAt >= 0)
        {
            var season = Seasons[keys[seasonAt]];
            last = seasonAt;
            // "the winter of 1994", "the spring of nineteen ninety-six"
            if (K(keys, seasonAt + 1) == "of" && TryYear(tokens, keys, seasonAt + 2, out var ofYear, out var yearLast))
            {
                last = yearLast; value = $"{ofYear:D4}-{season}";
                return true;
            }
            var m = seasonAt > i ? TemporalLexicon.Modifiers[key] : 0;
            if (anchor is not { } sa) return true;
            var order = new[] { "WI", "SP", "SU", "FA" };
            var current = Array.IndexOf(order, sa.Month switch { 12 or 1 or 2 => "WI", <= 5 => "SP", <= 8 => "SU", _ => "FA" });
            var target = Array.IndexOf(order, season);
            var year = m switch
            {
                -1 => target < current ? sa.Year : sa.Year - 1,
                1 => target > current ? sa.Year : sa.Year + 1,
                _ => sa.Year,
            };
            value = $"{year:D4}-{season}";
            return true;
        }

        // "the year", "the fiscal year", "the full year": the anchor's year, or one year's span when its end is given ("the year ended June 30")
        if (key == "the")
        {
            var y = i + 1;
            var previous = K(keys, y) == "latest";
            if (K(keys, y) is "latest" or "current" or "full" or "calendar") y++;
            if (K(keys, y) == "fiscal") y++;
            var modified = y > i + 1;
            // "the year before", "the year two thousand", "the year when ..." name some other year.
            if (K(keys, y) == "year" && K(keys, y + 1) is not ("-" or "before" or "earlier" or "ago" or "after" or "later") && !Numbers.ContainsKey(K(keys, y + 1))
                && !(y + 1 < n && tokens[y + 1].Kind == TokenKind.Number) && (modified || K(keys, y + 1) is not ("in" or "when" or "that" or "of")))
            {
                last = y;
                if (K(keys, y + 1) is "ended" or "ending" or "ends" or "through" or "to")
                {
                    type = "DURATION"; value = "P1Y";
                    return true;
                }
                if (anchor is { } ya2) value = (ya2.Year - (previous ? 1 : 0)).ToString("D4", CultureInfo.InvariantCulture);
                return true;
            }
        }

        // Durations: "three years", "the first nine months", "the past two months", "two-year", "several weeks", "a week",
        // "two more weeks", "2 1/2 years", "a minute and a half", "a couple of years"
        var s = i;
        if (K(keys, s) == "the") s++;
        if (DurationLeads.Contains(K(keys, s))) s++;
        if (s < n)
        {
            string? count = null;
            var c = s;
            var half = false;
            // A count of more than three digits is a year or an amount ("the 1988 second quarter"), not a number of units.
            if (tokens[c].Kind == TokenKind.Number && keys[c].Length <= 3 && int.TryParse(keys[c], NumberStyles.None, CultureInfo.InvariantCulture, out var num))
            {
                count = num.ToString(CultureInfo.InvariantCulture);
                if (K(keys, c + 1) == "1" && K(keys, c + 2) == "/" && K(keys, c + 3) == "2") { half = true; c += 3; }
            }
            else if (keys[c] == "a" && K(keys, c + 1) == "couple" && K(keys, c + 2) == "of") { count = "2"; c += 2; }
            else if (Numbers.TryGetValue(keys[c], out var word))
            {
                // "twenty-five", "twenty four"
                var h = K(keys, c + 1) == "-" ? c + 2 : c + 1;
                if (word >= 20 && word < 100 && Numbers.TryGetValue(K(keys, h), out var units) && units is > 0 and < 10) { word += units; c = h; }
                count = word.ToString(CultureInfo.InvariantCulture);
            }
            else if (VagueCounts.Contains(keys[c]) || (keys[c] == "a" && K(keys, c + 1) is "few" or "couple")) { count = "X"; if (keys[c] == "a") c++; if (K(keys, c + 1) == "of") c++; }
            // "$1.76 a year", "20 flights a week": a rate after an amount, a TimeML set of the same period.
            var rate = count is not null && keys[s] is "a" or "an" && s > 0 && (tokens[s - 1].Kind == TokenKind.Number || (s > 1 && tokens[s - 2].Kind == TokenKind.Number)
                || keys[s - 1] is "%" or "percent" or "cents" or "dollars" or "times" or "thousand" or "million" or "billion");
            if (count is not null)
            {
                var u = c + 1;
                var hyphen = K(keys, u) == "-";
                if (hyphen) u++;
                // "a 6-year-old", "the 50-year bond": a digit count joined to its unit describes a thing, not a span of time.
                if (hyphen && (tokens[c].Kind == TokenKind.Number || K(keys, u + 1) == "-")) return false;
                // "two more weeks", "an additional year", "three full years"
                if (!hyphen && K(keys, u) is "more" or "additional" or "full" or "straight" or "consecutive" or "further" && DurationUnits.ContainsKey(K(keys, u + 1))) u++;
                // "three-quarters of", "a quarter of", "a second time": fractions and ordinals, not spans of time.
                var fraction = K(keys, u) is "quarter" or "quarters" && (hyphen || keys[c] is "a" or "one" || K(keys, u + 1) == "of");
                var secondTime = K(keys, u) == "second" && keys[c] is "a" or "one";
                // "a year-earlier loss": the unit is part of an adjective for a point in time
                var pointAdjective = K(keys, u + 1) == "-" && K(keys, u + 2) is "earlier" or "ago" or "old";
                if (DurationUnits.TryGetValue(K(keys, u), out var unit) && !PointCues.Contains(K(keys, u + 1)) && !fraction && !secondTime && !pointAdjective)
                {
                    last = u;
                    if (!half && K(keys, u + 1) == "and" && K(keys, u + 2) == "a" && K(keys, u + 3) == "half") { half = true; last = u + 3; }
                    type = rate ? "SET" : "DURATION";
                    value = DurationValue(count, unit, half);
                    return true;
                }
            }
            // "the past year", "the next month": one unit, a duration
            if (s > i && DurationLeads.Contains(keys[s - 1]) && keys[s - 1] is not ("first" or "final" or "initial" or "latest") && K(keys, i) == "the"
                && DurationUnits.TryGetValue(K(keys, s), out var one) && ((one.Length == 1 && one != "Q") || one is "DE" or "CE"))
            {
                // "the coming years", "the past months": an unspecified number of them
                last = s; type = "DURATION"; value = keys[s].EndsWith('s') ? DurationValue("X", one, false) : DurationValue("1", one, false);
                return true;
            }
        }
        // "for years", "in months": an unspecified number of units
        if (key is "years" or "months" or "weeks" or "decades" && K(keys, i - 1) is "for" or "in" or "over")
        {
            type = "DURATION"; value = "PX" + DurationUnits[key];
            return true;
        }

        // "41 years ago", "two weeks earlier": the anchor moved back, at the unit's precision
        if (TryCount(tokens, keys, i, out var agoCount, out var agoLast) && DurationUnits.TryGetValue(K(keys, agoLast + 1), out var agoUnit)
            && K(keys, agoLast + 2) is "ago" or "earlier" && agoUnit is "Y" or "M" or "W" or "D" && agoCount is { } cnt)
        {
            last = agoLast + 2;
            value = anchor is not { } aa ? null : agoUnit switch
            {
                "Y" when quarterly => $"{aa.Year - cnt:D4}-Q{PreviousQuarter(aa).Quarter}",
                "Y" => (aa.Year - cnt).ToString("D4", CultureInfo.InvariantCulture),
                "M" => $"{aa.PlusMonths(-cnt).Year:D4}-{aa.PlusMonths(-cnt).Month:D2}",
                "W" => LocalDatePattern.Iso.Format(aa.PlusWeeks(-cnt)),
                _ => LocalDatePattern.Iso.Format(aa.PlusDays(-cnt)),
            };
            return true;
        }

        // "last May", "next March", "this April": the month before, after or in the anchor's year
        if (TemporalLexicon.Modifiers.TryGetValue(key, out var monthMod) && key is "last" or "next" or "this" or "past"
            && TemporalLexicon.Months.TryGetValue(K(keys, i + 1), out var month) && char.IsUpper(text[tokens[i + 1].Start])
            && !(i + 2 < n && tokens[K(keys, i + 2) == "." && i + 3 < n ? i + 3 : i + 2].Kind == TokenKind.Number))
        {
            last = i + 1;
            if (anchor is not { } ma) return true;
            var year = monthMod switch
            {
                < 0 => month < ma.Month ? ma.Year : ma.Year - 1,
                > 0 => month > ma.Month ? ma.Year : ma.Year + 1,
                _ => ma.Year,
            };
            value = $"{year:D4}-{month:D2}";
            return true;
        }

        // Years in words: "nineteen ninety-six", "the year two thousand"
        if (key == "nineteen" && TryYear(tokens, keys, i, out var wordYear, out var wordLast))
        {
            last = wordLast;
            value = wordYear.ToString(CultureInfo.InvariantCulture);
            return true;
        }
        if (key == "year" && K(keys, i + 1) == "two" && K(keys, i + 2) == "thousand") { last = i + 2; value = "2000"; return true; }

        // Holidays by name: "Thanksgiving Day", "Christmas Eve", "Easter", "New Year's Day", "Election Day"; "Easter week" is its ISO week
        if (TryHoliday(text, tokens, keys, i, out var holidayLast, out var holiday))
        {
            last = holidayLast;
            if (anchor is not { } ha) return true;
            // As with a year-less month: the latest one no more than the window ahead of the anchor.
            var date = new[] { holiday(ha.Year + 1), holiday(ha.Year), holiday(ha.Year - 1) }
                .First(d => Period.Between(ha, d, PeriodUnits.Days).Days <= FutureWindowDays);
            if (K(keys, i - 1) == "last" && date >= ha) date = holiday(date.Year - 1);
            else if (K(keys, i - 1) == "next" && date <= ha) date = holiday(date.Year + 1);
            value = LocalDatePattern.Iso.Format(date);
            if (K(keys, last + 1) == "week") { last++; value = Week(date); }
            return true;
        }

        // Clock times: "10 p.m.", "9:30 a.m. Tuesday", "noon Thursday"
        if (TryClock(text, tokens, keys, i, out var clockLast, out var hhmm))
        {
            last = clockLast;
            var dayIndex = last + 1;
            while (dayIndex < n && ClockSuffixes.Contains(keys[dayIndex])) dayIndex++;
            LocalDate? day = anchor;
            if (dayIndex < n && anchor is { } ca)
            {
                if (TemporalLexicon.Weekdays.TryGetValue(keys[dayIndex], out var cwd)) { day = TemporalTagger.ResolveWeekday(ca, cwd, TemporalTagger.FutureNearby(keys, i) ? 2 : null); last = dayIndex; }
                else if (TemporalLexicon.DayWords.TryGetValue(keys[dayIndex], out var off)) { day = ca.PlusDays(off); last = dayIndex; }
            }
            type = "TIME";
            value = day is { } dd ? $"{LocalDatePattern.Iso.Format(dd)}T{hhmm}" : null;
            return true;
        }
        if (key is "tonight") { type = "TIME"; value = anchor is { } ta ? $"{LocalDatePattern.Iso.Format(ta)}TNI" : null; return true; }
        // "over the weekend", "last weekend", "this weekend": TimeML's week-WE value; a bare one is the last weekend unless the talk is of the future
        if (key is "the" or "this" or "last" or "next" or "coming" && K(keys, i + 1) == "weekend")
        {
            last = i + 1;
            if (anchor is not { } wk) return true;
            var ahead = key is "next" or "coming" || (key is "this" or "the" && (K(keys, i - 1) is "ahead" || K(keys, i - 2) is "ahead") || TemporalTagger.FutureNearby(keys, i));
            var weekend = wk.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday ? wk
                : key == "next" ? wk.PlusWeeks(1) : ahead ? wk : wk.PlusWeeks(-1);
            value = $"{Week(weekend)}-WE";
            return true;
        }
        if (key is "last" && K(keys, i + 1) == "night")
        {
            last = i + 1; type = "TIME"; value = anchor is { } ln ? $"{LocalDatePattern.Iso.Format(ln.PlusDays(-1))}TNI" : null;
            return true;
        }
        if (key is "this" && DayParts.TryGetValue(K(keys, i + 1), out var thisPart))
        {
            last = i + 1; type = "TIME"; value = anchor is { } tm ? $"{LocalDatePattern.Iso.Format(tm)}{thisPart}" : null;
            return true;
        }
        return false;
    }

    /// <summary>
    /// An ISO 8601 period for a count of a unit: decades and centuries in years ("two decades" P20Y),
    /// quarters in months, with a half spelled out in the next smaller unit ("2 1/2 years" P2Y6M).
    /// </summary>
    private static string DurationValue(string count, string unit, bool half)
    {
        if (count == "X") return unit.StartsWith('T') ? $"PTX{unit[1..]}" : $"PX{unit}";
        var n = int.Parse(count, CultureInfo.InvariantCulture);
        return unit switch
        {
            "DE" => $"P{n * 10 + (half ? 5 : 0)}Y",
            "CE" => $"P{n * 100 + (half ? 50 : 0)}Y",
            "Q" => $"P{n * 3}M",
            "Y" => half ? $"P{n}Y6M" : $"P{n}Y",
            "M" => half ? $"P{n}M15D" : $"P{n}M",
            "D" => half ? $"P{n}DT12H" : $"P{n}D",
            "TH" => half ? $"PT{n}H30M" : $"PT{n}H",
            "TM" => half ? $"PT{n}M30S" : $"PT{n}M",
            _ => unit.StartsWith('T') ? $"PT{n}{unit[1..]}" : $"P{n}{unit}",
        };
    }

    private static readonly Dictionary<string, int> Halves = new(StringComparer.Ordinal) { ["first"] = 1, ["second"] = 2, ["last"] = 2, ["latter"] = 2 };

    /// <summary>
    /// A quarter or half placed in a year by a modifier before it: a year number ("the 1988 third
    /// quarter", "the 1988 quarter"), "this/last/next year's", or "year-ago"/"year-earlier" (the
    /// same quarter a year before); or a half with "of YEAR" after it ("the second half of 1989").
    /// Without an ordinal the quarter is the one a results report speaks of: the last one completed.
    /// </summary>
    private static bool TryPeriodOfYear(IReadOnlyList<Token> tokens, string[] keys, int i, LocalDate? anchor, bool quarterly, out int last, out string? value)
    {
        last = i; value = null;
        var j = i;
        if (K(keys, j) == "the") j++;
        if (K(keys, j) is "comparable" or "corresponding" or "same") j++;
        int? year = null;
        var yearEarlier = false;
        if (j < keys.Length && tokens[j].Kind == TokenKind.Number && keys[j].Length == 4 && int.TryParse(keys[j], NumberStyles.None, CultureInfo.InvariantCulture, out var named) && named is >= 1900 and <= 2100)
        { year = named; j++; }
        else if (TemporalLexicon.Modifiers.TryGetValue(K(keys, j), out var mod) && keys[j] is "this" or "last" or "next" && K(keys, j + 1) == "year" && K(keys, j + 2) == "'s")
        {
            if (anchor is not { } ma) return false;
            year = ma.Year + mod; j += 3;
        }
        else if (K(keys, j) == "year" && K(keys, j + 1) == "-" && K(keys, j + 2) is "ago" or "earlier")
        {
            if (anchor is not { } ya) return false;
            yearEarlier = true; j += 3;
        }
        if (year is null && !yearEarlier)
        {
            // "the first half of 1989", "the second half"
            if (K(keys, i) == "the" && Halves.TryGetValue(K(keys, j), out var half) && K(keys, j + 1) == "half")
            {
                var h = j + 1;
                if (K(keys, h + 1) == "of" && h + 2 < keys.Length && tokens[h + 2].Kind == TokenKind.Number && keys[h + 2].Length == 4)
                { last = h + 2; value = $"{keys[h + 2]}-H{half}"; return true; }
                if (anchor is not { } ha || K(keys, h + 1) == "of") return false;
                last = h; value = $"{ha.Year:D4}-H{half}";
                return true;
            }
            return false;
        }
        if (K(keys, j) == "fiscal") j++;
        int quarter;
        if (Ordinals.TryGetValue(K(keys, j), out var ordinal))
        {
            j++;
            if (K(keys, j) == "-") j++;
            if (K(keys, j) != "quarter") return false;
            quarter = ordinal;
        }
        else if (K(keys, j) is "quarter" or "period" && anchor is { } pa)
        {
            // "the 1988 period" only reads as a quarter in a report of quarterly results.
            if (keys[j] == "period" && !quarterly && !SentenceMentions(keys, j, "quarter")) return false;
            quarter = PreviousQuarter(pa).Quarter;
        }
        else return false;
        if (K(keys, j + 1) == "-") return false;
        last = j;
        if (yearEarlier) year = (ordinal > 0 ? anchor!.Value.Year : PreviousQuarter(anchor!.Value).Year) - 1;
        value = $"{year:D4}-Q{quarter}";
        return true;
    }

    private static readonly Dictionary<string, int> DecadeWords = new(StringComparer.Ordinal)
    {
        ["twenties"] = 2, ["thirties"] = 3, ["forties"] = 4, ["fifties"] = 5, ["sixties"] = 6, ["seventies"] = 7, ["eighties"] = 8, ["nineties"] = 9,
    };

    private static readonly Dictionary<string, int> CenturyOrdinals = new(StringComparer.Ordinal)
    {
        ["sixteenth"] = 16, ["seventeenth"] = 17, ["eighteenth"] = 18, ["nineteenth"] = 19, ["twentieth"] = 20,
    };

    /// <summary>
    /// Decades have TIMEX3 values of their first three digits ("the 1990s" 199, "the '80s" 198,
    /// "the nineties" 199) and centuries of their first two ("the 20th century" 19).
    /// </summary>
    private static bool TryDecadeOrCentury(IReadOnlyList<Token> tokens, string[] keys, int i, out int last, out string? value)
    {
        last = i; value = null;
        var j = i;
        if (K(keys, j) == "the") j++;
        if (K(keys, j) is "early" or "mid" or "late") { j++; if (K(keys, j) == "-") j++; }
        if (K(keys, j) == "'") j++;
        if (j >= keys.Length) return false;
        var t = tokens[j];
        // "1990s", "'80s": the digits and a glued "s"
        if (t.Kind == TokenKind.Number && keys[j].Length is 4 or 2 && keys[j][^1] == '0' && K(keys, j + 1) == "s" && tokens[j + 1].Start == t.End
            && int.TryParse(keys[j], NumberStyles.None, CultureInfo.InvariantCulture, out var decade))
        {
            if (keys[j].Length == 4 && decade is < 1000 or > 2100) return false;
            // A two-digit decade with its apostrophe ("the '80s") is the twentieth century's.
            if (keys[j].Length == 2 && K(keys, j - 1) != "'") return false;
            last = j + 1;
            value = keys[j].Length == 4 ? keys[j][..3] : "19" + keys[j][0];
            return true;
        }
        if (K(keys, i) == "the" && DecadeWords.TryGetValue(keys[j], out var tens))
        {
            last = j; value = "19" + tens.ToString(CultureInfo.InvariantCulture);
            return true;
        }
        // "the 20th century", "the nineteenth century"
        int? century = null;
        var c = j;
        if (t.Kind == TokenKind.Number && keys[j].Length <= 2 && K(keys, j + 1) is "th" or "st" or "nd" or "rd" && int.TryParse(keys[j], NumberStyles.None, CultureInfo.InvariantCulture, out var nth)) { century = nth; c = j + 1; }
        else if (CenturyOrdinals.TryGetValue(keys[j], out var word)) century = word;
        if (century is >= 1 and <= 21 && K(keys, c + 1) == "century")
        {
            last = c + 1; value = (century.Value - 1).ToString("D2", CultureInfo.InvariantCulture);
            return true;
        }
        return false;
    }

    /// <summary>A year in digits ("1994") or in words ("nineteen ninety-four") at <paramref name="i"/>.</summary>
    private static bool TryYear(IReadOnlyList<Token> tokens, string[] keys, int i, out int year, out int last)
    {
        year = 0; last = i;
        if (i >= keys.Length) return false;
        if (tokens[i].Kind == TokenKind.Number && keys[i].Length == 4 && int.TryParse(keys[i], NumberStyles.None, CultureInfo.InvariantCulture, out year)) return year is >= 1000 and <= 2199;
        if (keys[i] != "nineteen" || !Numbers.TryGetValue(K(keys, i + 1), out var tens) || tens is < 20 or > 90) return false;
        last = i + 1;
        if (K(keys, i + 2) == "-" && Numbers.TryGetValue(K(keys, i + 3), out var ones) && ones < 10) { tens += ones; last = i + 3; }
        year = 1900 + tens;
        return true;
    }

    /// <summary>Holidays by the words that name them, longest first, each with its date in a given year.</summary>
    private static readonly (string[] Words, Func<int, LocalDate> Date)[] Holidays =
    [
        (["new", "year", "'s", "day"], y => new LocalDate(y, 1, 1)),
        (["new", "year", "'s", "eve"], y => new LocalDate(y, 12, 31)),
        (["christmas", "eve"], y => new LocalDate(y, 12, 24)),
        (["christmas", "day"], y => new LocalDate(y, 12, 25)),
        (["christmas"], y => new LocalDate(y, 12, 25)),
        (["boxing", "day"], y => new LocalDate(y, 12, 26)),
        (["thanksgiving", "day"], y => NthWeekday(y, 11, IsoDayOfWeek.Thursday, 4)),
        (["thanksgiving"], y => NthWeekday(y, 11, IsoDayOfWeek.Thursday, 4)),
        (["election", "day"], y => NthWeekday(y, 11, IsoDayOfWeek.Monday, 1).PlusDays(1)),
        (["good", "friday"], y => Easter(y).PlusDays(-2)),
        (["easter", "sunday"], Easter),
        (["easter", "monday"], y => Easter(y).PlusDays(1)),
        (["easter"], Easter),
        (["labor", "day"], y => NthWeekday(y, 9, IsoDayOfWeek.Monday, 1)),
        (["memorial", "day"], y => NthWeekday(y, 6, IsoDayOfWeek.Monday, 1).PlusWeeks(-1)),
        (["veterans", "day"], y => new LocalDate(y, 11, 11)),
    ];

    /// <summary>A holiday's name at <paramref name="i"/>, written capitalised ("Good Friday", not "a good Friday").</summary>
    private static bool TryHoliday(string text, IReadOnlyList<Token> tokens, string[] keys, int i, out int last, out Func<int, LocalDate> date)
    {
        last = i; date = Easter;
        if (!char.IsUpper(text[tokens[i].Start])) return false;
        foreach (var (words, when) in Holidays)
        {
            if (i + words.Length > keys.Length) continue;
            var match = true;
            for (var k = 0; k < words.Length && match; k++) match = keys[i + k] == words[k];
            if (!match) continue;
            last = i + words.Length - 1; date = when;
            return true;
        }
        return false;
    }

    /// <summary>Western Easter Sunday (the Gregorian computus).</summary>
    private static LocalDate Easter(int y)
    {
        int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new LocalDate(y, month, day);
    }

    private static LocalDate NthWeekday(int year, int month, IsoDayOfWeek day, int n)
    {
        var d = new LocalDate(year, month, 1);
        while (d.DayOfWeek != day) d = d.PlusDays(1);
        return d.PlusWeeks(n - 1);
    }

    /// <summary>A count in digits or words at <paramref name="i"/> ("41", "two", "twenty-five").</summary>
    private static bool TryCount(IReadOnlyList<Token> tokens, string[] keys, int i, out int? count, out int last)
    {
        count = null; last = i;
        if (tokens[i].Kind == TokenKind.Number && keys[i].Length <= 3 && int.TryParse(keys[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n)) { count = n; return true; }
        if (!Numbers.TryGetValue(keys[i], out var w)) return false;
        if (w >= 20 && K(keys, i + 1) == "-" && Numbers.TryGetValue(K(keys, i + 2), out var units) && units < 10) { w += units; last = i + 2; }
        count = w;
        return true;
    }

    private static bool TryClock(string text, IReadOnlyList<Token> tokens, string[] keys, int i, out int last, out string hhmm)
    {
        last = i; hhmm = "";
        var n = keys.Length;
        if (keys[i] is "noon" or "midday") { hhmm = "12:00"; return true; }
        if (keys[i] == "midnight") { hhmm = "24:00"; return true; }
        if (tokens[i].Kind != TokenKind.Number || !int.TryParse(keys[i], NumberStyles.None, CultureInfo.InvariantCulture, out var h) || h is < 1 or > 12) return false;
        var j = i + 1;
        var minutes = 0;
        if (K(keys, j) == ":" && j + 1 < n && tokens[j + 1].Kind == TokenKind.Number && keys[j + 1].Length == 2 && int.TryParse(keys[j + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var mm) && mm < 60)
        { minutes = mm; j += 2; }
        // "p.m." tokenises as p . m . ; "pm" as one word
        bool? pm = null;
        if (K(keys, j) is "pm" or "am") { pm = keys[j] == "pm"; last = j; }
        else if (K(keys, j) is "p" or "a" && K(keys, j + 1) == "." && K(keys, j + 2) == "m")
        {
            pm = keys[j] == "p"; last = j + 2;
            if (K(keys, j + 3) == "." && tokens[j + 3].Start == tokens[j + 2].End) last = j + 3;
        }
        if (pm is null) return false;
        var hour = pm.Value ? (h == 12 ? 12 : h + 12) : (h == 12 ? 0 : h);
        hhmm = $"{hour:D2}:{minutes:D2}";
        return true;
    }
}
