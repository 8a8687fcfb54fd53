using System.Diagnostics;
using Vigil.Evaluation;
using Vigil.Extraction.Gazetteers;
using Vigil.Extraction.Ner;

namespace Vigil.Bench;

/// <summary>
/// `lexicon`: the OpenCorpora Russian dictionary (OpenCorporaLexicon): load time (first in this
/// process, JIT included, then warm) and the managed memory it holds; word lookups over every word
/// of the factRuEval devset beside the stemmer the features used before (NameKeys.RussianStem), in
/// the same run; and enumerating the proper-noun forms, with what a string dictionary of them would hold.
/// </summary>
public sealed class LexiconBench : IBench
{
    public string Name => "lexicon";

    public string Description => "OpenCorpora Russian dictionary: load time and memory, lookups per second beside the stemmer, proper-noun enumeration; args: [runs=3]";

    public int Run(string[] args)
    {
        var runs = args.Length > 0 && int.TryParse(args[0], out var r) ? Math.Max(1, r) : 3;
        var dir = OpenCorporaLexicon.Data.Directory;
        if (!OpenCorporaLexicon.Data.IsInstalledAt(dir)) { Console.Error.WriteLine(OpenCorporaLexicon.Data.MissingMessage(dir)); return 2; }

        var before = BenchTable.ManagedMegabytes();
        var (firstCpu, firstWall, lexicon) = Measure(() => OpenCorporaLexicon.Load(dir));
        var held = BenchTable.ManagedMegabytes() - before;
        GC.KeepAlive(lexicon);
        var warm = Enumerable.Range(0, runs).Select(_ => Measure(() => OpenCorporaLexicon.Load(dir))).MinBy(x => x.Cpu);
        BenchTable.Print($"Load from {dir} ({lexicon.ParadigmCount} paradigms; arrays {lexicon.ArrayBytes / 1024.0 / 1024.0:0.0} MB)",
            ["load", "wall s", "CPU s", "managed MB held"],
            [
                ["first in process (JIT included)", firstWall, firstCpu, held],
                [$"warm (best of {runs})", warm.Wall, warm.Cpu, ""],
            ]);

        var words = FactRuCorpus.Read(Path.Combine(SharedData.FindRoot(), "data", "eval", "factrueval2016_ru", "devset"), keepLocOrg: true)
            .SelectMany(d => d.Sentences).SelectMany(s => s.Words).Where(w => w.Length > 0 && NameKeys.IsCyrillic(w[0])).ToArray();
        var found = 0; var proper = 0;
        var stem = Measure(() => words.Sum(w => w.Length > 3 ? NameKeys.RussianStem(w.ToLowerInvariant()).Length : 0));
        var parse = Measure(() =>
        {
            found = 0; proper = 0;
            foreach (var w in words)
            {
                var p = lexicon.Parse(w);
                if (p.Count > 0) found++;
                if (p.Any(x => (x.Proper & OpenCorporaLexicon.AnyProper) != 0)) proper++;
            }
            return found;
        });
        BenchTable.Print($"Lookups: {words.Length} Cyrillic words of the factRuEval devset; {found} known to the dictionary ({100.0 * found / words.Length:0.0}%), {proper} with a proper-noun reading",
            ["work", "CPU s", "words per CPU s", "CPU / stemmer"],
            [
                ["NameKeys.RussianStem (baseline)", stem.Cpu, words.Length / stem.Cpu, 1.0],
                ["OpenCorporaLexicon.Parse (all readings, lemmas)", parse.Cpu, words.Length / parse.Cpu, parse.Cpu / stem.Cpu],
            ]);

        var byKind = new Dictionary<ProperNounKind, int>();
        var beforeDictionary = BenchTable.ManagedMegabytes();
        var forms = new Dictionary<string, string>(StringComparer.Ordinal);
        var enumeration = Measure(() =>
        {
            var n = 0;
            foreach (var (form, lemma, kind) in lexicon.ProperNouns())
            {
                n++;
                foreach (var k in Enum.GetValues<ProperNounKind>())
                    if (k != ProperNounKind.None && kind.HasFlag(k)) byKind[k] = byKind.GetValueOrDefault(k) + 1;
                forms.TryAdd(form, lemma);
            }
            return n;
        });
        var dictionaryMb = BenchTable.ManagedMegabytes() - beforeDictionary;
        BenchTable.Print($"Proper-noun forms: {enumeration.Result} readings, {forms.Count} distinct forms ({string.Join(", ", byKind.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"))})",
            ["work", "wall s", "CPU s", "managed MB"],
            [
                ["enumerate the DAWG, fill a form → lemma dictionary", enumeration.Wall, enumeration.Cpu, dictionaryMb],
                ["the DAWG and paradigms as loaded (all words)", "", "", held],
            ]);
        GC.KeepAlive(forms);
        return 0;
    }

    private static (double Cpu, double Wall, T Result) Measure<T>(Func<T> work)
    {
        var cpu = ThreadCpu.Now();
        var sw = Stopwatch.StartNew();
        var result = work();
        return ((ThreadCpu.Now() - cpu).TotalSeconds, sw.Elapsed.TotalSeconds, result);
    }
}
