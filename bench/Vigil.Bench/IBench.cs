namespace Vigil.Bench;

/// <summary>A throughput run that prints a table, baseline beside Vigil, measured in the same process.</summary>
public interface IBench
{
    string Name { get; }

    string Description { get; }

    int Run(string[] args);
}
