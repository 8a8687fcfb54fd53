using System.CommandLine;
using Vigil.Evaluation;
using Vigil.Extraction.Ner;

namespace Vigil.Cli.Commands;

/// <summary>`vigil train NAME`: rebuilds a statistical model from the shared training data and caches it.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var nameArg = new Argument<string?>("model") { Description = "Model to train; omit to list them.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("train", $"Train a statistical model on the shared training data (cached in {NerModels.CacheDirectory}).") { nameArg };
        command.SetAction(parse =>
        {
            var name = parse.GetValue(nameArg);
            if (string.IsNullOrEmpty(name))
            {
                foreach (var s in NerModels.All) Console.WriteLine($"{s.Name,-10} {s.Description}");
                return 0;
            }
            if (NerModels.All.All(s => s.Name != name))
            {
                Console.Error.WriteLine($"No trainable model named '{name}'. Known: {string.Join(", ", NerModels.All.Select(s => s.Name))}.");
                return 2;
            }
            var shared = SharedData.TryFindRoot();
            if (shared is null)
            {
                Console.Error.WriteLine($"The shared training data was not found: put it beside the repository as ../shared or set {SharedData.EnvironmentVariable}.");
                return 2;
            }
            NerModels.Train(name, shared, Console.Error);
            return 0;
        });
        return command;
    }
}
