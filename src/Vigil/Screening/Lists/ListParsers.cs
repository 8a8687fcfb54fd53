namespace Vigil.Screening.Lists;

/// <summary>Every <see cref="IListParser"/> in the library, found by reflection, in a fixed order.</summary>
public static class ListParsers
{
    private static readonly Lazy<IReadOnlyList<IListParser>> Instances = new(() =>
        typeof(IListParser).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IListParser).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (IListParser)Activator.CreateInstance(t)!)
            .ToList());

    public static IReadOnlyList<IListParser> All => Instances.Value;
}
