using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using NodaTime;
using Vigil.Evaluation;
using Vigil.Model;
using Vigil.Text;

namespace Vigil.Extraction.Evaluation;

/// <summary>
/// TempEval-3 (TBAQ-cleaned: TimeBank + AQUAINT) temporal expressions: found and normalised
/// against each document's creation time, scored as TempEval-3 scores the value attribute.
/// </summary>
public sealed partial class TimexEnglishSuite : IEvalSuite
{
    public string Name => "timex-en";
    public string Description => "English temporal expressions with normalised values on TempEval-3 TBAQ-cleaned (value F1, relaxed span match)";

    public sealed record Timex(int Start, int End, string Type, string Value);
    public sealed record TimeMlDocument(string Id, string Text, LocalDate Created, IReadOnlyList<Timex> Timexes);

    [GeneratedRegex("<TIMEX3([^>]*)>(.*?)</TIMEX3>", RegexOptions.Singleline)]
    private static partial Regex TimexTag();

    [GeneratedRegex("\\b(\\w+)=\"([^\"]*)\"")]
    private static partial Regex Attribute();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex AnyTag();

    public static TimeMlDocument Parse(string path)
    {
        var xml = File.ReadAllText(path);
        var dct = TimexTag().Matches(xml).Select(m => Attrs(m.Groups[1].Value)).FirstOrDefault(a => a.GetValueOrDefault("functionInDocument") == "CREATION_TIME")
            ?? throw new InvalidDataException($"{path}: no document creation time (TIMEX3 functionInDocument=\"CREATION_TIME\").");
        var created = NodaTime.Text.LocalDatePattern.Iso.Parse(dct["value"][..10]).GetValueOrThrow();
        var open = xml.IndexOf("<TEXT>", StringComparison.Ordinal);
        var close = xml.IndexOf("</TEXT>", StringComparison.Ordinal);
        if (open < 0 || close < open) throw new InvalidDataException($"{path}: no <TEXT> element.");
        var body = xml[(open + 6)..close];
        // Strip tags, keeping TIMEX3 offsets in the plain text.
        var text = new StringBuilder();
        var timexes = new List<Timex>();
        var i = 0;
        while (i < body.Length)
        {
            if (body[i] != '<') { text.Append(body[i++]); continue; }
            var end = body.IndexOf('>', i);
            var tag = body[i..(end + 1)];
            if (tag.StartsWith("<TIMEX3", StringComparison.Ordinal))
            {
                var closeTag = body.IndexOf("</TIMEX3>", end, StringComparison.Ordinal);
                var inner = AnyTag().Replace(body[(end + 1)..closeTag], "");
                var a = Attrs(tag);
                var start = text.Length;
                text.Append(Unescape(inner));
                timexes.Add(new Timex(start, text.Length, a.GetValueOrDefault("type", ""), a.GetValueOrDefault("value", "")));
                i = closeTag + "</TIMEX3>".Length;
                continue;
            }
            i = end + 1;
        }
        return new TimeMlDocument(Path.GetFileNameWithoutExtension(path), text.ToString(), created, timexes);
    }

    private static string Unescape(string s) => s.Replace("&amp;", "&").Replace("&lt;", "<").Replace("&gt;", ">").Replace("&quot;", "\"").Replace("&apos;", "'");

    private static Dictionary<string, string> Attrs(string tag) =>
        Attribute().Matches(tag).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

    public EvalReport Run(EvalContext context)
    {
        var root = Path.Combine(context.SharedRoot, "data", "eval", "tempeval3_tbaq_en", "TBAQ-cleaned");
        var docs = Directory.GetFiles(root, "*.tml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(Parse).ToList();
        context.Log.WriteLine($"timex-en: {docs.Count} documents, {docs.Sum(d => d.Timexes.Count)} TIMEX3");
        var scores = new List<EvalScore>
        {
            Score("Vigil temporal tagger (anchored to the creation time)", docs, d => d.Created),
            Score("baseline: same tagger without the anchor (absolute dates, durations, sets)", docs, _ => null),
        };
        return new EvalReport(Name, $"TempEval-3 TBAQ-cleaned ({docs.Count} documents, {docs.Sum(d => d.Timexes.Count)} TIMEX3 of all types)", scores,
        [
            "Value F1 as TempEval-3 defines attribute F1: a system expression is correct when it overlaps a gold TIMEX3 (relaxed match) and its normalised value equals the gold value; precision over all system expressions, recall over all gold TIMEX3 (DATE, TIME, DURATION, SET).",
            "The system is `TimexNormalizer`: `TemporalTagger`'s dates (a year-less month taken as the nearest one to the anchor) plus durations (P3Y, P2Y6M, decades in years: P20Y), PRESENT_REF/PAST_REF/FUTURE_REF ('recent years', 'soon'), quarters and halves (of a named year: 'the 1988 third quarter', 'this year's first quarter'), ISO weeks (1989-W04), weekends (1989-W43-WE), seasons, decades (199) and centuries (19), 'the year' (the anchor's year, or P1Y when its end is given), times of day and sets; 'that year'/'the following year' follow the last date in the text; holidays by name (Christmas, Easter, Good Friday, New Year's Day, Thanksgiving, Election Day, Labor Day and a few more US ones; 'Easter week' is its ISO week).",
            "Known misses: holidays of other countries and calendars, digit-joined adjectives ('30-year bond', 'a 16-hour flight': TBAQ marks some, not most, so they are left out), a weekday or year-less month ahead of the creation time without a future verb nearby, and the corpus's own inconsistencies (the same 'last week' is 1989-W42 in one file and 1989-WXX or P1W in others; 'a year earlier' in quarterly reports is 1988 or 1988-Q3; decades are 199 or 199X).",
            "TBAQ-cleaned is TempEval-3's training corpus: the rules and the one tuned setting (a year-less month up to 90 days ahead of the anchor is the coming one, else the last) were chosen on it, so these are development figures, not a held-out test.",
            "'span F1' is the relaxed-match detection F1 whatever the value.",
        ]);
    }

    private static readonly bool Debug = Environment.GetEnvironmentVariable("VIGIL_DEBUG_TIMEX") == "1";

    /// <summary>The expression in its sentence, on one line, for the VIGIL_DEBUG_TIMEX listing.</summary>
    private static string Context(string text, int start, int end)
    {
        var from = Math.Max(0, start - 60);
        var to = Math.Min(text.Length, end + 60);
        return (text[from..start] + "[" + text[start..end] + "]" + text[end..to]).ReplaceLineEndings(" ");
    }

    private static EvalScore Score(string system, IReadOnlyList<TimeMlDocument> docs, Func<TimeMlDocument, LocalDate?> anchor)
    {
        var sw = Stopwatch.StartNew();
        int predicted = 0, correct = 0, gold = 0, spanHits = 0, goldFound = 0;
        foreach (var d in docs)
        {
            var debug = Debug && anchor(d) is not null;
            var found = TimexNormalizer.Tag(d.Text, Tokenizer.Tokenize(d.Text), anchor(d))
                .Where(m => anchor(d) is not null || m.Value is not null).ToList();
            gold += d.Timexes.Count;
            predicted += found.Count;
            foreach (var m in found)
            {
                var g = d.Timexes.FirstOrDefault(t => t.Start < m.End && m.Start < t.End);
                if (g is null)
                {
                    if (debug) Console.Error.WriteLine($"SPURIOUS\t{d.Text[m.Start..m.End]}\t{m.Value}\t{Context(d.Text, m.Start, m.End)}");
                    continue;
                }
                spanHits++;
                if (m.Value is { } value && value == g.Value)
                {
                    correct++;
                    if (debug) Console.Error.WriteLine($"RIGHT\t{d.Text[m.Start..m.End]}\t{m.Value}");
                }
                else if (debug) Console.Error.WriteLine($"WRONG\t{d.Text[m.Start..m.End]}\t{m.Value}\t{d.Text[g.Start..g.End]}\t{g.Value}\t{d.Created}\t{Context(d.Text, g.Start, g.End)}");
            }
            if (debug)
                foreach (var t in d.Timexes.Where(t => !found.Any(m => t.Start < m.End && m.Start < t.End)))
                    Console.Error.WriteLine($"MISS\t{d.Text[t.Start..t.End]}\t{t.Type}\t{t.Value}\t{d.Created}\t{Context(d.Text, t.Start, t.End)}");
            goldFound += d.Timexes.Count(t => found.Any(m => t.Start < m.End && m.Start < t.End));
        }
        double P(int a, int b) => b == 0 ? 0 : (double)a / b;
        double F(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
        var precision = P(correct, predicted); var recall = P(correct, gold);
        var spanF1 = F(P(spanHits, predicted), P(goldFound, gold));
        return new EvalScore(system, precision, recall, F(precision, recall), gold, sw.Elapsed,
            new Dictionary<string, double> { ["span F1"] = spanF1, ["system expressions"] = predicted });
    }
}
