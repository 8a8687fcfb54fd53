namespace Vigil.Evaluation;

/// <summary>One system's figures on one suite. Scores are in [0, 1].</summary>
public sealed record EvalScore(
    string System,
    double Precision,
    double Recall,
    double F1,
    int Support,
    TimeSpan Elapsed,
    IReadOnlyDictionary<string, double>? Extra = null);

/// <summary>What one `vigil eval SUITE` run measured: Vigil beside its baseline, with notes.</summary>
public sealed record EvalReport(string Suite, string Dataset, IReadOnlyList<EvalScore> Scores, IReadOnlyList<string> Notes);

/// <summary>What a suite may use: where ../shared is, and where to say what it is doing.</summary>
public sealed record EvalContext(string SharedRoot, TextWriter Log);

/// <summary>
/// An accuracy suite over the shared evaluation sets. Implementations are discovered by
/// reflection (see <see cref="EvalSuites"/>): adding a suite is adding a class.
/// </summary>
public interface IEvalSuite
{
    /// <summary>The name on the command line: `vigil eval NAME`.</summary>
    string Name { get; }

    string Description { get; }

    EvalReport Run(EvalContext context);
}

public static class EvalSuites
{
    public static IReadOnlyList<IEvalSuite> All() =>
        typeof(IEvalSuite).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IEvalSuite).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IEvalSuite)Activator.CreateInstance(t)!)
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();

    public static IEvalSuite? Find(string name) =>
        All().FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
