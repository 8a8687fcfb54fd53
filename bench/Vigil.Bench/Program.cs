using System.Reflection;
using BenchmarkDotNet.Running;
using Vigil.Bench;

// `dotnet run -c Release --project bench/Vigil.Bench -- NAME [args]` runs one throughput benchmark
// (a class implementing IBench, found by reflection); `-- bdn [BenchmarkDotNet args]` hands over
// to BenchmarkDotNet's switcher for the micro-benchmarks.
var benches = typeof(IBench).Assembly.GetTypes()
    .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IBench).IsAssignableFrom(t))
    .Select(t => (IBench)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();

if (args.Length > 0 && args[0] == "bdn")
{
    BenchmarkSwitcher.FromAssembly(Assembly.GetExecutingAssembly()).Run(args[1..]);
    return 0;
}
var bench = args.Length > 0 ? benches.FirstOrDefault(b => string.Equals(b.Name, args[0], StringComparison.OrdinalIgnoreCase)) : null;
if (bench is null)
{
    Console.WriteLine("usage: Vigil.Bench NAME [args] | bdn [BenchmarkDotNet args]");
    foreach (var b in benches) Console.WriteLine($"  {b.Name,-14} {b.Description}");
    return args.Length == 0 ? 0 : 2;
}
return bench.Run(args[1..]);
