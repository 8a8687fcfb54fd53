using Sylvan.Data.Csv;
using Vigil.Model;

namespace Vigil.Evaluation;

/// <summary>One labelled name pair from the nomenklatura name benchmark.</summary>
public sealed record LabelledPair(string Group, EntitySchema Schema, string Query, string Candidate, bool IsMatch)
{
    /// <summary>
    /// The held-out split: about 30 % of pairs, chosen by a hash of the pair itself, so the split is
    /// the same on every machine and independent of file order. Calibration never sees these.
    /// </summary>
    public bool IsHeldOut => Convert.ToInt32(Ids.Hash($"{Schema}|{Query}|{Candidate}")[..2], 16) % 10 < 3;
}

/// <summary>A person from the yente candidate benchmark (UN positives, synthetic negatives).</summary>
public sealed record BenchmarkPerson(string FullName, FuzzyDate? BirthDate, string? Nationality);

/// <summary>Readers for the shared sanctions evaluation sets (read in place, never copied).</summary>
public static class ScreeningEvalData
{
    public static string Folder(string sharedRoot, params string[] parts) =>
        Path.Combine([sharedRoot, "data", "sanctions", "eval", .. parts]);

    public static IReadOnlyList<LabelledPair> NomenklaturaPairs(string sharedRoot)
    {
        var result = new List<LabelledPair>();
        using var csv = CsvDataReader.Create(Folder(sharedRoot, "nomenklatura_name_bench", "cases.csv"));
        while (csv.Read())
        {
            var name1 = csv.GetString(csv.GetOrdinal("name1"));
            var name2 = csv.GetString(csv.GetOrdinal("name2"));
            if (name1.Length == 0 || name2.Length == 0) continue;
            result.Add(new LabelledPair(csv.GetString(csv.GetOrdinal("case_group")), EntitySchemas.Parse(csv.GetString(csv.GetOrdinal("schema"))),
                name1, name2, string.Equals(csv.GetString(csv.GetOrdinal("is_match")), "true", StringComparison.OrdinalIgnoreCase)));
        }
        return result;
    }

    public static IReadOnlyList<BenchmarkPerson> People(string sharedRoot, string file)
    {
        var result = new List<BenchmarkPerson>();
        using var csv = CsvDataReader.Create(Folder(sharedRoot, "yente_candidate_benchmark", file));
        var name = csv.GetOrdinal("full_name");
        var dob = csv.GetOrdinal("date_of_birth");
        var nationality = csv.GetOrdinal("nationality");
        while (csv.Read())
        {
            var fullName = csv.GetString(name).Trim();
            if (fullName.Length == 0) continue;
            result.Add(new BenchmarkPerson(fullName, FuzzyDate.TryParse(csv.GetString(dob), out var d) ? d : null, NullIfEmpty(csv.GetString(nationality))));
        }
        return result;
    }

    public static IReadOnlyList<string> PutinNames(string sharedRoot) =>
        File.ReadLines(Folder(sharedRoot, "nomenklatura_name_bench", "putin_names.txt")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

    private static string? NullIfEmpty(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>Precision, recall and F1 from counts.</summary>
public readonly record struct Confusion(int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    public int Support => TruePositives + FalsePositives + FalseNegatives + TrueNegatives;

    public static Confusion Count(IEnumerable<(bool Truth, bool Predicted)> outcomes)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var (truth, predicted) in outcomes)
        {
            if (truth && predicted) tp++;
            else if (!truth && predicted) fp++;
            else if (truth) fn++;
            else tn++;
        }
        return new Confusion(tp, fp, fn, tn);
    }
}
