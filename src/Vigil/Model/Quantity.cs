namespace Vigil.Model;

public enum QuantityQualifier { Exact, MoreThan, LessThan, About, UpTo, AtLeast }

/// <summary>An amount with its unit and how the text hedges it ("more than 10,000 containers").</summary>
public sealed record Quantity(decimal Value, string Unit, QuantityQualifier Qualifier = QuantityQualifier.Exact);
